using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.DefinitionOfDone;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Web.Data.Seeding;

/// <summary>
/// The product owner's demo data for Acme Checkout: customer feedback from every kind of source,
/// a Definition of Done, and an ordered backlog of 150+ stories, bugs and chores, some made from feedback.
/// </summary>
public sealed class ProductOwnerSeedStep : IDemoSeedStep
{
    public int Order => 110; // after the product manager's roadmap (100), so items can link to it

    private static readonly (FeedbackSourceKind Kind, string Name, string? Account, string Text, string Tags, FeedbackStatus Status)[] Feedback =
    [
        (FeedbackSourceKind.Customer, "Maria Lopez", "Lopez Bikes", "Our customers abandon the checkout when Apple Pay is missing on Safari. Half our traffic is iPhone.", "wallets,conversion", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Customer, "Tom Becker", "Becker Coffee Roasters", "Refunds take five days to reach the shopper's card. People call us asking where their money is.", "refunds", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Support, "Support desk (Jana)", "Northwind Outdoor", "Twelve tickets this week: saved card disappears after the shopper changes their billing address.", "saved-cards,bug", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Sales, "Ken Ito", "Ito Electronics (prospect)", "Prospect will sign if we support Google Pay and show the total including VAT before the pay button.", "wallets,tax", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Finance, "Stella Brooks", null, "Chargeback fees doubled in Q3. We need better fraud checks before capture, not after.", "fraud,chargebacks", FeedbackStatus.Accepted),
        (FeedbackSourceKind.SecurityOperations, "SecOps on-call", null, "Card-testing bots hit the checkout at night: thousands of 1-cent authorisations from rotating IPs.", "fraud,security", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Stakeholder, "Head of Merchant Success", null, "Merchants want a daily payout report they can import into their accounting tool.", "merchants,reporting", FeedbackStatus.New),
        (FeedbackSourceKind.Customer, "Aisha Khan", "Khan Home & Garden", "The one-page checkout scrolls forever on small phones; the pay button is below the fold.", "mobile,conversion", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Support, "Support desk (Ravi)", "Several merchants", "Shoppers don't understand the 3-D Secure pop-up and close it, then the payment fails silently.", "3ds,conversion", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Customer, "Peter Novak", "Novak Books", "Please let shoppers pay with a saved card without retyping the CVC every time.", "saved-cards", FeedbackStatus.Declined),
        (FeedbackSourceKind.Sales, "Ana Costa", "Costa Fashion Group", "Enterprise merchants ask for partial refunds per line item, not just the whole order.", "refunds,merchants", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Finance, "Finance controller", null, "Instant refunds cost us float: we need a daily limit per merchant before we roll them out to all.", "refunds,risk", FeedbackStatus.Accepted),
        (FeedbackSourceKind.SecurityOperations, "Security review", null, "The merchant dashboard session never expires; shared shop computers stay logged in for weeks.", "security,merchants", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Customer, "Lena Fischer", "Fischer Tea House", "We sell to Germany and Austria: shoppers expect to pay by SEPA direct debit and Klarna.", "payment-methods,europe", FeedbackStatus.New),
        (FeedbackSourceKind.Support, "Support desk (Jana)", null, "Error 'payment_intent_unexpected_state' shown to shoppers verbatim. They think the shop is broken.", "errors,bug", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Stakeholder, "Design lead", null, "Contrast of the disabled pay button fails WCAG AA; the focus ring is invisible on the card fields.", "accessibility", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Customer, "Omar Haddad", "Haddad Spices", "Can the checkout remember the shopper's country and currency between visits?", "localisation", FeedbackStatus.New),
        (FeedbackSourceKind.Sales, "Ken Ito", null, "Two prospects lost to a competitor's 'buy now, pay later' option this month.", "payment-methods,bnpl", FeedbackStatus.New),
        (FeedbackSourceKind.Finance, "Stella Brooks", null, "Reconciliation breaks when a refund is issued in a different currency from the charge.", "refunds,currency", FeedbackStatus.Accepted),
        (FeedbackSourceKind.SecurityOperations, "SecOps on-call", null, "We need an alert when one merchant's decline rate jumps above 30% in an hour.", "fraud,monitoring", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Customer, "Maria Lopez", "Lopez Bikes", "Apple Pay button still missing on Safari after the last release.", "wallets", FeedbackStatus.Duplicate),
        (FeedbackSourceKind.Support, "Support desk (Ravi)", null, "Shoppers ask whether their card is stored safely; the checkout never says so.", "trust,saved-cards", FeedbackStatus.New),
        (FeedbackSourceKind.Customer, "Jonas Berg", "Berg Ski Rental", "Deposits: we need to authorise now and capture the final amount when the skis come back.", "payments,merchants", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Stakeholder, "Legal counsel", null, "Cookie banner overlaps the pay button in the EU build; that may count as a dark pattern.", "compliance,europe", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Sales, "Ana Costa", null, "Merchants on Shopify want a one-click install of Acme Checkout.", "merchants,integrations", FeedbackStatus.Declined),
        (FeedbackSourceKind.Finance, "Finance controller", null, "Payout fees are not itemised on the monthly invoice; merchants dispute them.", "merchants,reporting", FeedbackStatus.New),
        (FeedbackSourceKind.Customer, "Grace Liu", "Liu Ceramics", "After paying, the confirmation page takes ten seconds; shoppers pay twice.", "performance,bug", FeedbackStatus.Accepted),
        (FeedbackSourceKind.SecurityOperations, "Penetration test 2026", null, "The webhook endpoint accepts unsigned events; replayed events could mark orders paid.", "security,webhooks", FeedbackStatus.Accepted),
        (FeedbackSourceKind.Support, "Support desk (Jana)", null, "Shoppers want an email receipt that lists the saved card's last four digits.", "receipts", FeedbackStatus.New),
        (FeedbackSourceKind.Customer, "Tom Becker", "Becker Coffee Roasters", "Subscriptions: coffee club members want to change their card without cancelling.", "saved-cards,subscriptions", FeedbackStatus.New),
        (FeedbackSourceKind.Stakeholder, "Customer success (EMEA)", null, "Merchants ask for a sandbox they can test instant refunds in before going live.", "refunds,merchants", FeedbackStatus.New),
        (FeedbackSourceKind.Finance, "Stella Brooks", null, "Fraud losses fell after the velocity rules; please keep them on for new merchants by default.", "fraud", FeedbackStatus.Declined),
        (FeedbackSourceKind.Customer, "Sofia Rossi", "Rossi Leather", "Italian shoppers ask for Satispay.", "payment-methods,europe", FeedbackStatus.New),
    ];

    private static readonly (BacklogItemType Type, string Title, string? AsA, string? SoThat, int? Feedback, string Tags, int? Estimate)[] Items =
    [
        (BacklogItemType.Story, "pay with Apple Pay on Safari", "shopper on an iPhone", "I can pay with one touch instead of typing my card", 0, "wallets,conversion", 8),
        (BacklogItemType.Story, "see my refund on my card within minutes", "shopper who returned an item", "I don't have to call the shop", 1, "refunds", 13),
        (BacklogItemType.Bug, "Saved card disappears after billing address change", null, null, 2, "saved-cards", 3),
        (BacklogItemType.Story, "pay with Google Pay", "shopper on Android", "I don't have to type my card", 3, "wallets", 5),
        (BacklogItemType.Story, "see the total including VAT before the pay button", "shopper", "there are no surprises on my statement", 3, "tax", 3),
        (BacklogItemType.Story, "block a payment before capture when the fraud score is high", "merchant", "I don't pay chargeback fees for fraud", 4, "fraud,chargebacks", 13),
        (BacklogItemType.Story, "rate-limit authorisations per card and IP", "security operations analyst", "card-testing bots are stopped at the door", 5, "fraud,security", 8),
        (BacklogItemType.Story, "see the pay button without scrolling on a small phone", "shopper on a small phone", "I can finish paying quickly", 7, "mobile,conversion", 5),
        (BacklogItemType.Story, "understand why my bank asks me to confirm the payment", "shopper", "I don't close the 3-D Secure window by mistake", 8, "3ds,conversion", 3),
        (BacklogItemType.Story, "refund single line items of an order", "merchant", "I can refund one broken cup and not the whole tea set", 10, "refunds,merchants", 8),
        (BacklogItemType.Story, "set a daily instant-refund limit per merchant", "finance controller", "our float stays under control", 11, "refunds,risk", 5),
        (BacklogItemType.Story, "be logged out of the merchant dashboard after 30 idle minutes", "merchant on a shared computer", "nobody else can use my session", 12, "security,merchants", 3),
        (BacklogItemType.Bug, "Raw error codes shown to shoppers on payment failure", null, null, 14, "errors", 2),
        (BacklogItemType.Bug, "Disabled pay button fails WCAG AA contrast", null, null, 15, "accessibility", 1),
        (BacklogItemType.Bug, "Focus ring invisible on card number field", null, null, 15, "accessibility", 1),
        (BacklogItemType.Bug, "Refund in another currency breaks reconciliation export", null, null, 18, "refunds,currency", 5),
        (BacklogItemType.Story, "be alerted when a merchant's decline rate jumps", "security operations analyst", "I can act on an attack within the hour", 19, "fraud,monitoring", 5),
        (BacklogItemType.Story, "authorise a deposit now and capture the final amount later", "rental merchant", "I charge only for what was used", 22, "payments,merchants", 8),
        (BacklogItemType.Bug, "Cookie banner overlaps the pay button in the EU build", null, null, 23, "compliance,europe", 2),
        (BacklogItemType.Bug, "Confirmation page takes ten seconds, shoppers pay twice", null, null, 26, "performance", 5),
        (BacklogItemType.Story, "reject webhook events without a valid signature", "merchant", "nobody can mark my orders paid with a forged event", 27, "security,webhooks", 3),
        (BacklogItemType.Story, "save my card for next time with one tick", "returning shopper", "I pay faster on my next visit", null, "saved-cards", 5),
        (BacklogItemType.Story, "choose which saved card to pay with", "returning shopper with two cards", "I can pay with my business card", null, "saved-cards", 3),
        (BacklogItemType.Story, "remove a saved card", "shopper", "I stay in control of my data", null, "saved-cards,privacy", 2),
        (BacklogItemType.Story, "see that my saved card is stored safely", "shopper", "I trust the checkout with my card", 21, "trust,saved-cards", 1),
        (BacklogItemType.Story, "replace the card of my subscription without cancelling", "subscriber", "my coffee club keeps running", 29, "saved-cards,subscriptions", 5),
        (BacklogItemType.Story, "download a daily payout report as CSV", "merchant", "I can import payouts into my accounting tool", null, "merchants,reporting", 5),
        (BacklogItemType.Story, "see payout fees itemised on the monthly invoice", "merchant", "I understand what I paid for", 25, "merchants,reporting", 3),
        (BacklogItemType.Story, "test instant refunds in a sandbox", "merchant developer", "I can go live with confidence", 30, "refunds,merchants", 8),
        (BacklogItemType.Story, "get a receipt email listing the card's last four digits", "shopper", "I know which card I paid with", 28, "receipts", 2),
        (BacklogItemType.Story, "have my country and currency remembered", "returning shopper", "I don't pick them again on every visit", 16, "localisation", 3),
        (BacklogItemType.Story, "pay by SEPA direct debit", "shopper in Germany", "I can pay the way I am used to", 13, "payment-methods,europe", 8),
        (BacklogItemType.Story, "pay later in three instalments", "shopper", "I can spread the cost of a large order", 17, "payment-methods,bnpl", 13),
        (BacklogItemType.Story, "see the checkout in my language", "shopper abroad", "I understand what I am paying for", null, "localisation", 5),
        (BacklogItemType.Story, "get a clear message when my card is declined", "shopper", "I know whether to try another card", null, "errors,conversion", 2),
        (BacklogItemType.Story, "pay as a guest without creating an account", "first-time shopper", "I can buy quickly", null, "conversion", 3),
        (BacklogItemType.Story, "see my order summary beside the payment form", "shopper", "I can check what I am paying for", null, "conversion", 2),
        (BacklogItemType.Story, "enter my address with autocomplete", "shopper", "I type less on my phone", null, "mobile,conversion", 5),
        (BacklogItemType.Story, "issue an instant refund from the order page", "merchant support agent", "the shopper has their money the same day", null, "refunds,merchants", 5),
        (BacklogItemType.Story, "see the status of each refund", "merchant", "I can answer shoppers who ask", null, "refunds,merchants", 3),
        (BacklogItemType.Story, "review payments held by fraud checks", "merchant", "good orders are not lost", null, "fraud,merchants", 8),
        (BacklogItemType.Story, "tune the fraud threshold per merchant", "risk analyst", "strict rules don't block good shoppers", null, "fraud", 5),
        (BacklogItemType.Story, "see why a payment was flagged", "merchant", "I can decide whether to ship", null, "fraud,merchants", 3),
        (BacklogItemType.Story, "invite a colleague to the merchant dashboard", "merchant owner", "my team can handle refunds", null, "merchants", 3),
        (BacklogItemType.Story, "give a colleague refund-only access", "merchant owner", "they cannot change payout details", null, "merchants,security", 5),
        (BacklogItemType.Story, "change payout bank details with a second confirmation", "merchant owner", "a stolen password cannot redirect my money", null, "merchants,security", 5),
        (BacklogItemType.Story, "see conversion by payment method", "merchant", "I know which wallets my shoppers use", null, "merchants,reporting,wallets", 5),
        (BacklogItemType.Story, "embed the checkout with one script tag", "merchant developer", "I can integrate in an afternoon", null, "merchants,integrations", 8),
        (BacklogItemType.Story, "receive a webhook when a refund completes", "merchant developer", "my shop updates the order automatically", null, "webhooks,refunds", 3),
        (BacklogItemType.Story, "retry failed webhooks with backoff", "merchant developer", "no event is lost when my server is down", null, "webhooks", 5),
        (BacklogItemType.Story, "pay with PayPal", "shopper", "I can use my PayPal balance", null, "wallets,payment-methods", 8),
        (BacklogItemType.Story, "use the checkout with a screen reader", "blind shopper", "I can pay on my own", null, "accessibility", 8),
        (BacklogItemType.Story, "pay with the keyboard only", "shopper who cannot use a mouse", "I can finish the checkout", null, "accessibility", 3),
        (BacklogItemType.Story, "apply a discount code", "shopper", "I get the price I was promised", null, "conversion", 3),
        (BacklogItemType.Story, "see shipping costs before paying", "shopper", "there are no surprises", null, "conversion", 2),
        (BacklogItemType.Story, "split the payment over two cards", "shopper", "I can use a gift card and a credit card", null, "payments", 13),
        (BacklogItemType.Story, "pay with a gift card", "shopper", "I can use the card I was given", null, "payment-methods", 8),
        (BacklogItemType.Story, "export all refunds of a month", "finance controller", "month-end closing is quick", null, "refunds,reporting", 3),
        (BacklogItemType.Story, "see chargebacks with their evidence deadline", "merchant", "I can respond in time", null, "chargebacks,merchants", 5),
        (BacklogItemType.Story, "upload chargeback evidence", "merchant", "I can win disputes", null, "chargebacks,merchants", 5),
    ];

    private static readonly string[] Markets = ["Germany", "France", "the Netherlands", "Spain", "Italy", "Poland", "Sweden", "Ireland"];

    private static readonly (string Want, string Tags)[] Rollouts =
    [
        ("offer Apple Pay in {0}", "wallets,rollout"),
        ("offer instant refunds in {0}", "refunds,rollout"),
        ("show prices with {0}'s VAT rules", "tax,rollout"),
        ("enable fraud checks tuned for {0}", "fraud,rollout"),
        ("onboard the first ten merchants in {0}", "merchants,rollout"),
        ("offer Google Pay in {0}", "wallets,rollout"),
        ("accept the local card schemes of {0}", "payment-methods,rollout"),
    ];

    private static readonly (string Title, string Tags, int? Estimate)[] Bugs =
    [
        ("Expiry date field accepts 13 as a month", "validation", 1),
        ("Double click on Pay creates two authorisations", "payments", 3),
        ("Wallet button flickers when the page loads", "wallets", 2),
        ("Saved card list shows expired cards", "saved-cards", 2),
        ("Refund email sent twice on retry", "refunds,receipts", 2),
        ("Fraud score missing for payments via PayPal", "fraud,wallets", 3),
        ("Merchant dashboard times out on 10,000 orders", "merchants,performance", 5),
        ("Postcode validation rejects Irish Eircodes", "validation,localisation", 1),
        ("Currency shown as EUR for Swiss merchants", "currency,localisation", 2),
        ("Receipt shows the wrong VAT number", "receipts,tax", 1),
        ("3-D Secure window too small on tablets", "3ds,mobile", 2),
        ("Webhook signature check fails on clock skew", "webhooks,security", 3),
        ("Payout report misses refunds issued after 23:00 UTC", "reporting,refunds", 3),
        ("Screen reader announces the card field twice", "accessibility", 1),
        ("Discount code field clears the email address", "conversion", 1),
        ("Address autocomplete picks the wrong country", "localisation", 2),
        ("Decline message says 'undefined' on Firefox", "errors", 1),
        ("Chargeback list sorted by the wrong date", "chargebacks,merchants", 1),
        ("Checkout slow on first load: 4 MB of JavaScript", "performance", 5),
        ("Session cookie missing SameSite attribute", "security", 1),
    ];

    private static readonly (string Title, string Tags, int? Estimate)[] Chores =
    [
        ("Upgrade the payment gateway SDK to v12", "maintenance", 3),
        ("Rotate the webhook signing keys", "security,webhooks", 2),
        ("Move fraud rules into configuration", "fraud,maintenance", 5),
        ("Add load test for the pay endpoint (500 rps)", "performance", 3),
        ("Archive payment logs older than 13 months", "compliance", 2),
        ("Renew PCI DSS self-assessment evidence", "compliance,security", 3),
        ("Split the checkout bundle per payment method", "performance", 5),
        ("Add alerting on refund queue length", "refunds,monitoring", 2),
        ("Document the refunds API for merchants", "refunds,merchants,docs", 2),
        ("Remove the legacy two-page checkout", "maintenance", 5),
        ("Translate checkout strings into Polish and Swedish", "localisation", 3),
        ("Set up accessibility audit in CI", "accessibility", 3),
        ("Pin third-party script versions with SRI hashes", "security", 1),
        ("Backfill fraud scores for last quarter's payments", "fraud,reporting", 3),
        ("Clean up feature flags from the wallets launch", "wallets,maintenance", 1),
        ("Rehearse database failover for the payments store", "maintenance", 3),
        ("Write the runbook for instant-refund incidents", "refunds,docs", 2),
        ("Review data retention of saved cards with legal", "saved-cards,compliance", 2),
    ];

    public static readonly string[] DefinitionOfDone =
    [
        "Acceptance criteria met and demonstrated to the product owner",
        "Code reviewed by another developer and merged to main",
        "Unit and integration tests written and passing in CI",
        "No new accessibility issues (WCAG 2.1 AA checked)",
        "Security checklist done: input validated, secrets out of code, PCI scope unchanged or reviewed",
        "Deployed to staging and tested with a real card in test mode",
        "Release notes and merchant documentation updated",
    ];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var productId = context.Product.Id;
        if (await db.BacklogItems.AnyAsync(i => i.ProductId == productId, cancellationToken))
        {
            return;
        }

        var now = context.Now;
        var poName = context.Users[ProductRole.ProductOwner].DisplayName;

        var dod = new DefinitionOfDoneVersion { ProductId = productId, Number = 1, CreatedAt = now.AddMonths(-10), CreatedBy = poName };
        dod.Criteria.AddRange(DefinitionOfDone.Take(5).Select((text, n) => new DefinitionOfDoneCriterion { Position = n + 1, Text = text }));
        var dod2 = new DefinitionOfDoneVersion { ProductId = productId, Number = 2, CreatedAt = now.AddMonths(-3), CreatedBy = poName };
        dod2.Criteria.AddRange(DefinitionOfDone.Select((text, n) => new DefinitionOfDoneCriterion { Position = n + 1, Text = text }));
        db.DefinitionOfDoneVersions.AddRange(dod, dod2);
        db.BacklogSettings.Add(new BacklogSettings { ProductId = productId, NewItemsOnTop = false });

        var feedback = Feedback.Select((f, n) => new FeedbackItem
        {
            ProductId = productId,
            SourceKind = f.Kind,
            SourceName = f.Name,
            Account = f.Account,
            Text = f.Text,
            Tags = f.Tags,
            Status = f.Status,
            ReceivedOn = DateOnly.FromDateTime(now.AddDays(-3 * (Feedback.Length - n))),
            CreatedAt = now.AddDays(-3 * (Feedback.Length - n)),
            UpdatedAt = now.AddDays(-3 * (Feedback.Length - n)),
        }).ToList();
        db.FeedbackItems.AddRange(feedback);
        await db.SaveChangesAsync(cancellationToken);
        feedback[20].DuplicateOfId = feedback[0].Id;

        var items = new List<BacklogItem>();
        foreach (var s in Items)
        {
            var item = New(productId, s.Type, s.Type == BacklogItemType.Story ? Capitalise(s.Title) : s.Title, s.Tags, s.Estimate, now);
            if (s.Type == BacklogItemType.Story)
            {
                item.AsA = s.AsA;
                item.IWant = s.Title;
                item.SoThat = s.SoThat;
            }

            if (s.Feedback is { } f)
            {
                item.SourceFeedback.Add(new BacklogItemFeedbackLink { FeedbackItem = feedback[f] });
                // Feedback that became backlog items has been accepted.
                feedback[f].Status = FeedbackStatus.Accepted;
                item.Description = $"From {feedback[f].SourceKind.Display().ToLowerInvariant()} feedback by {feedback[f].SourceName}:\n\n> {feedback[f].Text}";
            }

            items.Add(item);
        }

        foreach (var market in Markets)
        {
            foreach (var (want, tags) in Rollouts)
            {
                var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, want, market);
                var item = New(productId, BacklogItemType.Story, Capitalise(title), tags, null, now);
                item.AsA = "shopper in " + market;
                item.IWant = title;
                item.SoThat = "I can pay the way people in " + market + " expect";
                items.Add(item);
            }
        }

        items.AddRange(Bugs.Select(b => New(productId, BacklogItemType.Bug, b.Title, b.Tags, b.Estimate, now)));
        items.AddRange(Chores.Select(c => New(productId, BacklogItemType.Chore, c.Title, c.Tags, c.Estimate, now)));

        // Interleave so the top of the backlog mixes feedback-driven stories, bugs and chores.
        var ordered = items.Select((item, n) => (item, key: n < Items.Length ? n * 2 : n)).OrderBy(x => x.key).Select(x => x.item).ToList();
        var ranks = RankKey.Spread(ordered.Count);
        for (var n = 0; n < ordered.Count; n++)
        {
            var item = ordered[n];
            item.Rank = ranks[n];
            item.Status = n switch
            {
                < 6 => BacklogItemStatus.InProgress,
                < 14 => BacklogItemStatus.Planned,
                < 40 => BacklogItemStatus.Ready,
                _ => BacklogItemStatus.New,
            };
            if (item.Type == BacklogItemType.Story && item.Status != BacklogItemStatus.New)
            {
                item.AcceptanceCriteria.Add(new AcceptanceCriterion { Position = 1, Text = "Works on the latest Safari, Chrome and Firefox, desktop and mobile" });
                item.AcceptanceCriteria.Add(new AcceptanceCriterion { Position = 2, Text = "Shopper sees a clear message when it fails", IsMet = item.Status == BacklogItemStatus.InProgress });
                item.AcceptanceCriteria.Add(new AcceptanceCriterion { Position = 3, Text = "Merchant dashboard shows the outcome" });
            }
        }

        // A few finished items at the bottom of the order, done against the current Definition of Done.
        foreach (var item in ordered.TakeLast(8))
        {
            item.Status = BacklogItemStatus.Done;
            var check = new BacklogItemDoneCheck { DefinitionOfDoneVersionId = 0, DefinitionOfDoneNumber = 2, CheckedAt = now.AddDays(-7), CheckedBy = poName };
            check.Criteria.AddRange(DefinitionOfDone.Select((text, n) => new DoneCriterionCheck
            {
                Position = n + 1,
                Text = text,
                Waived = n == 6 && item.Type == BacklogItemType.Chore,
                WaiverReason = n == 6 && item.Type == BacklogItemType.Chore ? "Internal chore: no merchant-facing change to document." : null,
            }));
            item.DoneChecks.Add(check);
        }

        foreach (var check in ordered.SelectMany(i => i.DoneChecks))
        {
            check.DefinitionOfDoneVersionId = dod2.Id;
        }

        // Link backlog items to the roadmap item they serve, by theme.
        var roadmap = await db.RoadmapItems.Where(r => r.ProductId == productId).Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken);
        foreach (var item in ordered)
        {
            var tags = item.Tags.Select(t => t.Name).ToList();
            var match = RoadmapThemes.Where(t => tags.Contains(t.Tag))
                .Select(t => roadmap.FirstOrDefault(r => r.Title.Contains(t.Words, StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(r => r is not null);
            item.RoadmapItemId = match?.Id;
        }

        db.BacklogItems.AddRange(ordered);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly (string Tag, string Words)[] RoadmapThemes =
    [
        ("wallets", "wallet"), ("refunds", "refund"), ("fraud", "fraud"), ("saved-cards", "saved card"), ("chargebacks", "dispute"),
        ("bnpl", "pay later"), ("reporting", "payout"), ("merchants", "merchant"), ("localisation", "local"), ("mobile", "mobile"),
    ];

    private static BacklogItem New(int productId, BacklogItemType type, string title, string tags, int? estimate, DateTime now)
    {
        var item = new BacklogItem
        {
            ProductId = productId, Type = type, Title = title, Rank = "", Estimate = estimate, CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-30),
        };
        item.Tags.AddRange(tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Select(t => new BacklogItemTag { Name = t }));
        return item;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
