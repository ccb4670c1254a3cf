using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Vision;

namespace ProductRoles.Web.Data.Seeding;

/// <summary>
/// The product manager's side of Acme Checkout: a vision with revisions, company and product goals
/// with key results, market research across all kinds, two competitors, a roadmap over Now/Next/Later
/// and four quarters linked to goals and insights, a published snapshot and roadmap feedback.
/// Skipped as a whole once the demo product has a vision.
/// </summary>
public sealed class ProductManagerSeedStep : IDemoSeedStep
{
    public int Order => 100;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var productId = context.Product.Id;
        if (await db.ProductVisions.AnyAsync(v => v.ProductId == productId, cancellationToken))
        {
            return;
        }

        var now = context.Now;
        var pm = context.Users[ProductRole.ProductManager].DisplayName;
        var po = context.Users[ProductRole.ProductOwner];
        var today = DateOnly.FromDateTime(now);

        SeedVision(db, productId, now, pm);
        var goals = SeedGoals(db, productId, now, today);
        SeedCheckIns(db, goals.Values, context.Users[ProductRole.ProductManager], now, today);
        var insights = SeedInsights(db, productId, now, today);
        SeedCompetitors(db, productId);
        await db.SaveChangesAsync(cancellationToken);

        var items = SeedRoadmap(db, productId, now, goals, insights);
        await db.SaveChangesAsync(cancellationToken);

        var published = new PublishedRoadmap
        {
            ProductId = productId, PublishedAt = now.AddDays(-9), PublishedBy = pm,
            Note = "Roadmap for the quarterly business review: instant refunds and wallets lead the way.",
        };
        var position = 0;
        foreach (var item in items.Where(i => i.Status != RoadmapItemStatus.Dropped).OrderBy(i => i.Horizon).ThenBy(i => i.Rank, StringComparer.Ordinal))
        {
            published.Items.Add(new PublishedRoadmapItem
            {
                RoadmapItemId = item.Id, Title = item.Title, Outcome = item.Outcome, Horizon = item.Horizon,
                TargetQuarter = item.TargetQuarter, Status = item.Status, Position = position++,
            });
        }

        db.PublishedRoadmaps.Add(published);
        SeedFeedback(db, productId, now, items, po, pm);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void SeedVision(AppDbContext db, int productId, DateTime now, string pm)
    {
        (string Statement, string Target, string Needs, string Product, string Business)[] versions =
        [
            ("Every shopper pays in one step.",
             "- Shoppers on Acme web shops\n- Merchants selling on Acme",
             "- Pay quickly\n- Trust the checkout",
             "- One-page checkout\n- Saved cards",
             "- Raise conversion"),
            ("Every shopper on an Acme shop pays in one step, with the wallet they already trust, and gets their money back the moment a refund is agreed.",
             "- Shoppers on 40,000 Acme web shops, two thirds of them on mobile\n- Merchants: small and mid-sized shops without their own payments team",
             "- Shoppers: pay in seconds without typing card numbers; feel safe; get refunds fast\n- Merchants: fewer abandoned carts, fewer chargebacks, less support work",
             "- One-page checkout with wallets (Apple Pay, Google Pay, PayPal) and saved cards\n- Instant refunds\n- Fraud checks that stay out of honest shoppers' way",
             "- Raise checkout conversion from 61 % to 70 %\n- Grow payment volume 30 % a year\n- Cut refund-related support tickets by half"),
            ("Every shopper on an Acme shop pays in one step, with the wallet they already trust, and gets their money back the moment a refund is agreed.",
             "- Shoppers on 40,000 Acme web shops, two thirds of them on mobile\n- Merchants: small and mid-sized shops without their own payments team\n- Cross-border shoppers in the EU",
             "- Shoppers: pay in seconds without typing card numbers; feel safe; get refunds fast\n- Merchants: fewer abandoned carts, fewer chargebacks, less support work, one report for all payment methods",
             "- One-page checkout with wallets (Apple Pay, Google Pay, PayPal) and saved cards\n- **Instant refunds** back to card or wallet\n- Risk-based fraud checks that stay out of honest shoppers' way\n- Merchant dashboard with payouts and disputes",
             "- Raise checkout conversion from 61 % to 70 %\n- Grow payment volume 30 % a year\n- Cut refund-related support tickets by half\n- Keep fraud losses under 0.1 % of volume"),
        ];
        var vision = new ProductVision { ProductId = productId, Statement = "" };
        for (var i = 0; i < versions.Length; i++)
        {
            var v = versions[i];
            vision.Revisions.Add(new ProductVisionRevision
            {
                Number = i + 1, Statement = v.Statement, TargetGroup = v.Target, Needs = v.Needs, ProductDetails = v.Product,
                BusinessGoals = v.Business, SavedAt = now.AddMonths(-12 + (5 * i)), SavedBy = pm,
            });
        }

        var last = versions[^1];
        vision.Statement = last.Statement;
        vision.TargetGroup = last.Target;
        vision.Needs = last.Needs;
        vision.ProductDetails = last.Product;
        vision.BusinessGoals = last.Business;
        vision.UpdatedAt = now.AddMonths(-2);
        db.ProductVisions.Add(vision);
    }

    private static Dictionary<string, Goal> SeedGoals(AppDbContext db, int productId, DateTime now, DateOnly today)
    {
        var company = new Goal
        {
            ProductId = productId, Title = "Grow Acme's payment volume 30 % this year", Level = GoalLevel.Company, CreatedAt = now.AddMonths(-11),
            Description = "The company goal the checkout serves: more merchants, more shoppers, more volume.",
        };
        company.KeyResults.Add(Kr(productId, "Yearly payment volume (€ million)", 820, 1066, 951, today.AddMonths(7)));
        var goals = new Dictionary<string, Goal>(StringComparer.Ordinal)
        {
            ["company"] = company,
            ["conversion"] = new Goal
            {
                ProductId = productId, Title = "Raise checkout conversion", Level = GoalLevel.Product, CompanyGoal = company, CreatedAt = now.AddMonths(-10),
                Description = "Fewer shoppers give up between cart and payment.",
                KeyResults =
                {
                    Kr(productId, "Checkout conversion (%)", 61, 70, 65.5m, today.AddMonths(4)),
                    Kr(productId, "Mobile checkout time, median (s)", 74, 30, 48, today.AddMonths(4)),
                },
            },
            ["refunds"] = new Goal
            {
                ProductId = productId, Title = "Refunds shoppers trust", Level = GoalLevel.Product, CompanyGoal = company, CreatedAt = now.AddMonths(-8),
                Description = "Money back within minutes, not days.",
                KeyResults =
                {
                    Kr(productId, "Refunds paid out within 1 hour (%)", 5, 80, 42, today.AddMonths(5)),
                    Kr(productId, "Refund-related support tickets per week", 1300, 650, 910, today.AddMonths(5)),
                },
            },
            ["fraud"] = new Goal
            {
                ProductId = productId, Title = "Stop fraud without stopping shoppers", Level = GoalLevel.Product, CompanyGoal = company, CreatedAt = now.AddMonths(-6),
                KeyResults =
                {
                    Kr(productId, "Fraud losses (% of volume)", 0.18m, 0.1m, 0.14m, today.AddMonths(8)),
                    Kr(productId, "Honest orders declined (%)", 2.4m, 1m, 1.9m, today.AddMonths(8)),
                },
            },
            ["merchants"] = new Goal
            {
                ProductId = productId, Title = "Merchants run payments without us", Level = GoalLevel.Product, CompanyGoal = company, CreatedAt = now.AddMonths(-4),
                Description = "Self-service for payouts, disputes and reports.",
                KeyResults =
                {
                    Kr(productId, "Merchant NPS", 21, 40, 27, today.AddMonths(9)),
                    Kr(productId, "Merchants using the dashboard weekly (%)", 18, 50, 23, today.AddMonths(9)),
                },
            },
        };
        db.Goals.AddRange(goals.Values);
        return goals;
    }

    /// <summary>Monthly check-ins from the baseline to today's value, the latest ten days ago (the company goal's too).</summary>
    private static void SeedCheckIns(AppDbContext db, IEnumerable<Goal> goals, AppUser pm, DateTime now, DateOnly today)
    {
        var keyResults = goals.SelectMany(g => g.KeyResults).Concat(goals.Select(g => g.CompanyGoal).OfType<Goal>().Distinct().SelectMany(g => g.KeyResults));
        foreach (var kr in keyResults)
        {
            const int months = 4;
            for (var m = 0; m <= months; m++)
            {
                var on = today.AddDays(-10).AddMonths(m - months);
                var value = Math.Round(kr.Baseline + ((kr.Current - kr.Baseline) * m / months), 1);
                db.KeyResultCheckIns.Add(new KeyResultCheckIn
                {
                    ProductId = kr.ProductId, KeyResult = kr, Value = value, On = on, ByUserId = pm.Id, ByName = pm.DisplayName,
                    RecordedAt = now.AddDays(on.DayNumber - today.DayNumber), Note = m == 0 ? "Baseline" : null,
                });
            }

            kr.LastCheckInOn = today.AddDays(-10);
        }
    }

    private static KeyResult Kr(int productId, string metric, decimal baseline, decimal target, decimal current, DateOnly due) =>
        new() { ProductId = productId, Metric = metric, Baseline = baseline, Target = target, Current = current, DueOn = due };

    private static Dictionary<string, Insight> SeedInsights(AppDbContext db, int productId, DateTime now, DateOnly today)
    {
        (string Key, InsightKind Kind, string Title, string Summary, string Source, int DaysAgo, string Tags, bool Opportunity)[] rows =
        [
            ("wallet-trend", InsightKind.MarketTrend, "Wallets overtake cards on mobile",
             "Wallet payments passed card entry on **mobile** web checkouts across Europe this year.\n\n- 54 % of mobile payments in our region use a wallet\n- Growth is fastest among 25–40 year olds",
             "Payments market report 2026", 40, "wallets, mobile", true),
            ("bnpl-trend", InsightKind.MarketTrend, "Buy now, pay later flattens out",
             "BNPL growth slowed to single digits; regulators now require affordability checks. Worth watching, not leading with.", "Industry analyst briefing", 75, "bnpl, regulation", false),
            ("a2a-trend", InsightKind.MarketTrend, "Account-to-account payments arrive at checkout",
             "Instant bank payments (A2A) are cheaper than cards for merchants. Two large shops in our network asked about them.\n\nA **new opportunity** for lowering merchant fees.", "Open banking conference notes", 20, "a2a, fees, merchants", true),
            ("swiftpay-wallets", InsightKind.Competitor, "SwiftPay Checkout ships one-tap wallets",
             "SwiftPay launched one-tap Apple Pay and Google Pay on the cart page, before the checkout even opens.", "SwiftPay release notes", 30, "wallets, swiftpay", false),
            ("cartflow-refunds", InsightKind.Competitor, "CartFlow advertises refunds in 24 hours",
             "CartFlow's new landing page promises refunds within 24 hours. We can beat this with instant refunds.", "CartFlow website", 55, "refunds, cartflow", true),
            ("interview-mobile", InsightKind.CustomerInterview, "Shoppers give up when typing card numbers on phones",
             "Six of eight interviewed shoppers said they abandoned a mobile checkout because typing the card number was fiddly. Three mentioned *trusting* wallets more than a shop they don't know.",
             "Interviews, Berlin and Lyon", 60, "mobile, wallets, conversion", false),
            ("interview-merchant-refunds", InsightKind.CustomerInterview, "Merchants lose repeat customers over slow refunds",
             "Merchants told us that shoppers who wait a week for a refund rarely buy again. One fashion shop estimates 8 % churn from refund delays.", "Merchant interviews (5 shops)", 90, "refunds, merchants", false),
            ("interview-disputes", InsightKind.CustomerInterview, "Disputes are handled by e-mail and spreadsheets",
             "Mid-sized merchants track chargebacks and disputes in spreadsheets; evidence is sent by e-mail.", "Merchant interviews (5 shops)", 88, "disputes, merchants, dashboard", true),
            ("survey-saved-cards", InsightKind.Survey, "Returning shoppers want their card remembered",
             "In our survey of 2,400 shoppers, 71 % want their card saved for the next purchase; 18 % worry about security.", "Shopper survey, n = 2,400", 110, "saved-cards, security", false),
            ("survey-merchant-nps", InsightKind.Survey, "Merchant NPS held back by payout reports",
             "Detractors name payout reports and reconciliation as the top pain. Promoters praise conversion.", "Merchant NPS survey Q3", 70, "merchants, payouts, dashboard", false),
            ("analytics-drop", InsightKind.Analytics, "42 % of mobile checkouts drop at the card form",
             "Funnel data: the card form is where most mobile shoppers leave. Desktop drop-off there is 19 %.", "Checkout funnel dashboard", 14, "mobile, conversion", false),
            ("analytics-address", InsightKind.Analytics, "Address autocomplete saves 20 seconds",
             "A/B test on 10 % of traffic: address autocomplete cut median checkout time by 20 s and raised conversion 1.8 points.", "A/B test #212", 35, "conversion, address", false),
            ("analytics-fraud", InsightKind.Analytics, "Fraud rules decline 2.4 % of honest orders",
             "Manual review shows 2.4 % of declined orders were honest. Most were first-time shoppers with foreign cards.", "Risk team analysis", 50, "fraud, cross-border", false),
            ("support-refunds", InsightKind.SupportSignal, "\"Where is my refund?\" is the top support topic",
             "1,300 tickets a week ask about refund status: 31 % of all checkout tickets.", "Support ticket tags, last 90 days", 21, "refunds, support", false),
            ("support-3ds", InsightKind.SupportSignal, "3-D Secure pop-ups fail on some banking apps",
             "Shoppers report the 3-D Secure challenge never returning to the shop on two banking apps.", "Support escalations", 12, "3ds, mobile, fraud", false),
            ("support-currency", InsightKind.SupportSignal, "Cross-border shoppers confused by currency",
             "Shoppers from Switzerland and Sweden ask which currency they will be charged in.", "Support tickets", 45, "cross-border, currency", true),
            ("survey-checkout-trust", InsightKind.Survey, "Trust badges matter less than known wallets",
             "Shoppers trust a checkout more when they see a wallet they use than when they see security badges.", "Shopper survey, n = 2,400", 108, "trust, wallets", false),
            ("trend-regulation", InsightKind.MarketTrend, "Instant payments regulation in the EU",
             "The EU instant payments regulation makes instant credit transfers standard, lowering the cost of instant refunds to bank accounts.", "EU regulation summary", 130, "regulation, refunds, a2a", true),
        ];
        var insights = new Dictionary<string, Insight>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            insights[r.Key] = new Insight
            {
                ProductId = productId, Kind = r.Kind, Title = r.Title, Summary = r.Summary, Source = r.Source,
                ObservedOn = today.AddDays(-r.DaysAgo), Tags = Insight.NormaliseTags(r.Tags), IsOpportunity = r.Opportunity,
                CreatedAt = now.AddDays(-r.DaysAgo),
            };
        }

        db.Insights.AddRange(insights.Values);
        return insights;
    }

    private static void SeedCompetitors(AppDbContext db, int productId) =>
        db.Competitors.AddRange(
            new Competitor
            {
                ProductId = productId, Name = "SwiftPay Checkout",
                Strengths = "One-tap wallets on the cart page; large brand; strong developer documentation.",
                Weaknesses = "Refunds take 3–5 days; fees above ours for small merchants; no dispute tooling.",
                Positioning = "The fastest checkout for big brands.",
            },
            new Competitor
            {
                ProductId = productId, Name = "CartFlow",
                Strengths = "Cheap for small shops; refunds within 24 hours; plug-ins for every shop system.",
                Weaknesses = "Weak fraud checks; mobile checkout has many steps; few wallets.",
                Positioning = "Payments for small shops that just want it to work.",
            });

    private static List<RoadmapItem> SeedRoadmap(AppDbContext db, int productId, DateTime now, Dictionary<string, Goal> goals, Dictionary<string, Insight> insights)
    {
        var quarter = (now.Month - 1) / 3;
        string Q(int offset)
        {
            var q = quarter + offset;
            return $"{now.Year + (q / 4)}-Q{(q % 4) + 1}";
        }

        (RoadmapHorizon Horizon, string Title, string Outcome, int Quarter, RoadmapItemStatus Status, int Reach, decimal Impact, int Confidence, decimal Effort, string[] Goals, string[] Insights, string? Notes)[] rows =
        [
            (RoadmapHorizon.Now, "Instant refunds to cards and wallets", "Shoppers get refunds within minutes; \"where is my refund?\" tickets halve.", 0, RoadmapItemStatus.InProgress, 90000, 3, 80, 4, ["refunds"], ["support-refunds", "interview-merchant-refunds", "cartflow-refunds"], "Depends on the acquirer's instant payout API; contract signed."),
            (RoadmapHorizon.Now, "One-tap Apple Pay and Google Pay", "Mobile shoppers pay without typing a card number.", 0, RoadmapItemStatus.InProgress, 150000, 2, 80, 3, ["conversion"], ["wallet-trend", "interview-mobile", "swiftpay-wallets"], null),
            (RoadmapHorizon.Now, "Saved cards for returning shoppers", "Returning shoppers check out with one tap.", 0, RoadmapItemStatus.Planned, 80000, 1, 80, 2, ["conversion"], ["survey-saved-cards"], "Needs PCI scope review with security."),
            (RoadmapHorizon.Now, "Fix 3-D Secure return on banking apps", "No shopper is stranded in a banking app during authentication.", 0, RoadmapItemStatus.Done, 12000, 2, 100, 0.5m, ["conversion", "fraud"], ["support-3ds"], null),
            (RoadmapHorizon.Now, "Address autocomplete", "Checkout time drops by 20 seconds.", 0, RoadmapItemStatus.Done, 200000, 0.5m, 100, 1, ["conversion"], ["analytics-address"], null),
            (RoadmapHorizon.Now, "Refund status page for shoppers", "Shoppers see where their refund is without contacting support.", 1, RoadmapItemStatus.Planned, 60000, 1, 80, 1, ["refunds"], ["support-refunds"], null),
            (RoadmapHorizon.Now, "Risk-based fraud rules for first-time shoppers", "Fewer honest first-time shoppers are declined.", 1, RoadmapItemStatus.Planned, 30000, 2, 50, 3, ["fraud"], ["analytics-fraud"], "Risk team wants a shadow-mode month first."),
            (RoadmapHorizon.Now, "Mobile card form redesign", "Mobile drop-off at the card form falls below 30 %.", 0, RoadmapItemStatus.Done, 120000, 1, 80, 2, ["conversion"], ["analytics-drop", "interview-mobile"], null),
            (RoadmapHorizon.Next, "PayPal in the one-page checkout", "Shoppers who prefer PayPal stay in the checkout.", 1, RoadmapItemStatus.Planned, 70000, 1, 80, 2, ["conversion"], ["wallet-trend"], null),
            (RoadmapHorizon.Next, "Merchant dispute centre", "Merchants answer disputes with evidence in the dashboard, not by e-mail.", 2, RoadmapItemStatus.Planned, 8000, 2, 50, 5, ["merchants"], ["interview-disputes"], null),
            (RoadmapHorizon.Next, "Payout reconciliation report", "Merchants reconcile payouts without calling support.", 1, RoadmapItemStatus.Planned, 15000, 1, 80, 2, ["merchants"], ["survey-merchant-nps"], null),
            (RoadmapHorizon.Next, "Show prices in the shopper's currency", "Cross-border shoppers know what they will pay.", 2, RoadmapItemStatus.Planned, 25000, 1, 50, 3, ["conversion"], ["support-currency"], null),
            (RoadmapHorizon.Next, "Instant refunds to bank accounts", "Refunds for bank payments arrive within seconds too.", 2, RoadmapItemStatus.Planned, 20000, 1, 50, 3, ["refunds"], ["trend-regulation"], null),
            (RoadmapHorizon.Next, "Fraud model with device signals", "Fraud losses fall below 0.1 % of volume.", 2, RoadmapItemStatus.Planned, 100000, 2, 50, 6, ["fraud"], ["analytics-fraud"], null),
            (RoadmapHorizon.Next, "Checkout trust: show the wallets up front", "Shoppers see familiar wallets before entering details.", 1, RoadmapItemStatus.Planned, 150000, 0.5m, 50, 1, ["conversion"], ["survey-checkout-trust"], null),
            (RoadmapHorizon.Later, "Account-to-account payments", "Merchants pay lower fees on bank payments.", 3, RoadmapItemStatus.Planned, 40000, 2, 50, 8, ["merchants"], ["a2a-trend", "trend-regulation"], "Opportunity from the open banking conference."),
            (RoadmapHorizon.Later, "Merchant self-service onboarding", "New merchants go live in a day without sales calls.", 3, RoadmapItemStatus.Planned, 3000, 2, 50, 6, ["merchants"], [], null),
            (RoadmapHorizon.Later, "Checkout plug-ins for three more shop systems", "Merchants on other shop systems can use Acme Checkout.", 3, RoadmapItemStatus.Planned, 5000, 1, 50, 4, ["merchants"], ["cartflow-refunds"], null),
            (RoadmapHorizon.Later, "Buy now, pay later partner", "Shoppers can split larger purchases.", 3, RoadmapItemStatus.Dropped, 20000, 0.5m, 20, 5, [], ["bnpl-trend"], "Dropped: market flattening and regulatory risk."),
            (RoadmapHorizon.Later, "Loyalty points at checkout", "Returning shoppers redeem points when paying.", -1, RoadmapItemStatus.Planned, 30000, 0.5m, 20, 4, [], [], "Waiting for Acme Loyalty discovery."),
            (RoadmapHorizon.Later, "Subscription payments", "Merchants sell subscriptions with the same checkout.", -1, RoadmapItemStatus.Planned, 6000, 2, 50, 8, ["merchants"], [], null),
            (RoadmapHorizon.Later, "Accessibility audit of the checkout", "Every shopper, including screen-reader users, can pay.", 2, RoadmapItemStatus.Planned, 10000, 1, 80, 1, ["conversion"], [], null),
        ];

        var items = new List<RoadmapItem>();
        foreach (var horizon in Enum.GetValues<RoadmapHorizon>())
        {
            var inHorizon = rows.Where(r => r.Horizon == horizon).ToList();
            var ranks = RankKey.Spread(inHorizon.Count);
            for (var i = 0; i < inHorizon.Count; i++)
            {
                var r = inHorizon[i];
                var item = new RoadmapItem
                {
                    ProductId = productId, Title = r.Title, Outcome = r.Outcome, Horizon = r.Horizon, Rank = ranks[i],
                    TargetQuarter = r.Quarter < 0 ? null : Q(r.Quarter), Status = r.Status, Notes = r.Notes,
                    CreatedAt = now.AddMonths(-6).AddDays(i), UpdatedAt = r.Status == RoadmapItemStatus.Done ? now.AddDays(-(10 + (i * 7))) : now.AddDays(-20 - i),
                };
                item.SetRice(r.Reach, r.Impact, r.Confidence, r.Effort);
                item.Goals.AddRange(r.Goals.Select(g => new RoadmapItemGoal { Goal = goals[g] }));
                item.Insights.AddRange(r.Insights.Select(k => new RoadmapItemInsight { Insight = insights[k] }));
                items.Add(item);
            }
        }

        db.RoadmapItems.AddRange(items);
        return items;
    }

    private static void SeedFeedback(AppDbContext db, int productId, DateTime now, List<RoadmapItem> items, AppUser po, string pm)
    {
        RoadmapItem Item(string title) => items.Single(i => i.Title == title);
        db.RoadmapFeedback.AddRange(
            new RoadmapFeedback
            {
                ProductId = productId, RoadmapItemId = Item("Instant refunds to cards and wallets").Id, Kind = RoadmapFeedbackKind.Dependency,
                Body = "The acquirer's instant payout API is only in beta for wallets. Can we ship cards first and wallets a sprint later?",
                AuthorId = po.Id, AuthorName = po.DisplayName, CreatedAt = now.AddDays(-6), Status = RoadmapFeedbackStatus.Open,
            },
            new RoadmapFeedback
            {
                ProductId = productId, RoadmapItemId = Item("Saved cards for returning shoppers").Id, Kind = RoadmapFeedbackKind.Feasibility,
                Body = "Storing cards moves us into a bigger PCI scope. The team estimates two extra sprints unless we use the acquirer's vault.",
                AuthorId = po.Id, AuthorName = po.DisplayName, CreatedAt = now.AddDays(-4), Status = RoadmapFeedbackStatus.Open,
            },
            new RoadmapFeedback
            {
                ProductId = productId, RoadmapItemId = Item("Merchant dispute centre").Id, Kind = RoadmapFeedbackKind.CustomerConcern,
                Body = "Support says merchants ask for dispute help every week; this could move to Now.",
                AuthorId = po.Id, AuthorName = po.DisplayName, CreatedAt = now.AddDays(-2), Status = RoadmapFeedbackStatus.Open,
            },
            new RoadmapFeedback
            {
                ProductId = productId, RoadmapItemId = Item("Risk-based fraud rules for first-time shoppers").Id, Kind = RoadmapFeedbackKind.Risk,
                Body = "Loosening rules before the shadow-mode month could raise fraud losses during the holiday peak.",
                AuthorId = po.Id, AuthorName = po.DisplayName, CreatedAt = now.AddDays(-15), Status = RoadmapFeedbackStatus.Accepted,
                Answer = "Agreed: shadow mode through the holidays, rules go live in January.", AnsweredBy = pm, AnsweredAt = now.AddDays(-13),
            },
            new RoadmapFeedback
            {
                ProductId = productId, RoadmapItemId = Item("Buy now, pay later partner").Id, Kind = RoadmapFeedbackKind.CustomerConcern,
                Body = "Two fashion merchants asked for BNPL. Should we keep it?",
                AuthorId = po.Id, AuthorName = po.DisplayName, CreatedAt = now.AddDays(-30), Status = RoadmapFeedbackStatus.Declined,
                Answer = "Declined for now: the market is flattening and the regulation adds risk. We revisit in a year.", AnsweredBy = pm, AnsweredAt = now.AddDays(-28),
            });
    }
}
