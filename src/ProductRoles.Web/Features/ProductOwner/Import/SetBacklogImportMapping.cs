using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Import;

public sealed record ColumnChoice(ImportField Field, string? Column);

public sealed record TypeChoice(string Value, ImportTypeChoice Choice);

public sealed record StatusChoice(string Value, BacklogItemStatus Status);

public sealed record EpicLinkChoice(string Key, int? RoadmapItemId);

public sealed record ImportMappingChoices(
    IReadOnlyList<ColumnChoice> Columns, IReadOnlyList<TypeChoice> Types, IReadOnlyList<StatusChoice> Statuses, EpicHandling Epics,
    IReadOnlyList<EpicLinkChoice> EpicLinks, SprintHandling Sprints, BadRowHandling BadRows);

/// <summary>The product owner changes the mapping on the preview page (columns, types, statuses, epics, sprints, bad rows).</summary>
[Requires(Permission.ImportBacklog)]
public sealed record SetBacklogImportMapping(string ProductSlug, int Id, ImportMappingChoices Choices) : ICommand, IProductRequest;

public sealed class SetBacklogImportMappingValidator : AbstractValidator<SetBacklogImportMapping>
{
    public SetBacklogImportMappingValidator()
    {
        RuleFor(c => c.Choices.Epics).IsInEnum().WithMessage("Choose what epics become.");
        RuleFor(c => c.Choices.Sprints).IsInEnum().WithMessage("Choose what sprints become.");
        RuleFor(c => c.Choices.BadRows).IsInEnum().WithMessage("Choose what happens to bad rows.");
        RuleForEach(c => c.Choices.Columns).Must(c => Enum.IsDefined(c.Field)).WithMessage("Choose a field.");
        RuleForEach(c => c.Choices.Types).Must(t => Enum.IsDefined(t.Choice)).WithMessage("Choose what this type becomes.");
        RuleForEach(c => c.Choices.Statuses).Must(s => Enum.IsDefined(s.Status)).WithMessage("Choose a status.");
    }
}

public sealed class SetBacklogImportMappingHandler(AppDbContext db) : ICommandHandler<SetBacklogImportMapping>
{
    public async ValueTask<Unit> Handle(SetBacklogImportMapping command, CancellationToken cancellationToken)
    {
        var import = await db.BacklogImports.SingleOrNotFoundAsync(i => i.Id == command.Id, cancellationToken);
        if (import.State != ImportState.Uploaded)
        {
            throw new DomainRuleException("", "This import has started; its mapping can no longer change.");
        }

        var scan = ImportMapping.ScanFromJson(import.ScanJson);
        var old = ImportMapping.FromJson(import.MappingJson);
        var choices = command.Choices;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var columns = new Dictionary<ImportField, string>();
        foreach (var (choice, n) in choices.Columns.Select((c, n) => (c, n)))
        {
            if (string.IsNullOrWhiteSpace(choice.Column))
            {
                continue;
            }

            if (!scan.Headers.Contains(choice.Column, StringComparer.Ordinal))
            {
                errors[$"Columns[{n}].Column"] = ["Choose one of the file's columns."];
                continue;
            }

            columns[choice.Field] = choice.Column;
        }

        if (!columns.ContainsKey(ImportField.Title))
        {
            errors["Columns"] = ["Choose the column that holds each item's title."];
        }

        // Only values the file has are kept; others are left at their defaults.
        var types = old.Types.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (var t in choices.Types.Where(t => types.ContainsKey(t.Value)))
        {
            types[t.Value] = t.Choice;
        }

        var statuses = old.Statuses.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        foreach (var s in choices.Statuses.Where(s => statuses.ContainsKey(s.Value)))
        {
            statuses[s.Value] = s.Status;
        }

        var roadmapIds = (await db.RoadmapItems.Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        var links = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (link, n) in choices.EpicLinks.Select((l, n) => (l, n)))
        {
            if (link.RoadmapItemId is not { } id)
            {
                continue;
            }

            if (!roadmapIds.Contains(id))
            {
                errors[$"EpicLinks[{n}].RoadmapItemId"] = ["Choose one of the product's roadmap items."];
                continue;
            }

            links[link.Key] = id;
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        import.MappingJson = new ImportMapping(columns, types, statuses, choices.Epics, links, choices.Sprints, choices.BadRows).ToJson();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
