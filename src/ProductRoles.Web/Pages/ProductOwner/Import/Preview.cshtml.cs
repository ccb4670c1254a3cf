using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Features.ProductOwner.Import;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.ProductOwner.Import;

/// <summary>The dry run of an uploaded file: detected format, the mappings to confirm, counts, bad rows and the first rows as they will look.</summary>
public sealed class PreviewModel : ProductItemPageModel
{
    [BindProperty]
    public MappingInput Mapping { get; set; } = new();

    public BacklogImportView? Import { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Import!.Progress.State != ImportState.Uploaded)
        {
            return RedirectToPage("/ProductOwner/Import/Progress", new { slug = Slug, id = Id });
        }

        Mapping = MappingInput.From(Import);
        return Page();
    }

    public Task<IActionResult> OnPostMappingAsync() =>
        SendAndRedirectAsync(new SetBacklogImportMapping(Slug, Id, Mapping.ToChoices()),
            _ => ("Mapping saved: the preview below uses it.", RedirectToPage(new { slug = Slug, id = Id })), LoadAsync, prefix: "Mapping");

    public Task<IActionResult> OnPostStartAsync() =>
        SendAndRedirectAsync(new StartBacklogImport(Slug, Id),
            _ => ("The import has started.", RedirectToPage("/ProductOwner/Import/Progress", new { slug = Slug, id = Id })),
            async () =>
            {
                await LoadAsync();
                Mapping = MappingInput.From(Import!);
            }, prefix: "");

    private async Task LoadAsync() => Import = await Sender.Send(new GetBacklogImport(Slug, Id, WithPreview: true), Aborted);
}

/// <summary>The mapping form as it posts: one entry per field, type, status and epic.</summary>
public sealed class MappingInput
{
    public IList<ColumnEntry> Columns { get; set; } = new List<ColumnEntry>();
    public IList<TypeEntry> Types { get; set; } = new List<TypeEntry>();
    public IList<StatusEntry> Statuses { get; set; } = new List<StatusEntry>();
    public EpicHandling Epics { get; set; }
    public IList<EpicEntry> EpicLinks { get; set; } = new List<EpicEntry>();
    public SprintHandling Sprints { get; set; }
    public BadRowHandling BadRows { get; set; }

    public static MappingInput From(BacklogImportView view) => new()
    {
        Columns = [.. Enum.GetValues<ImportField>().Select(f => new ColumnEntry { Field = f, Column = view.Mapping.Columns.GetValueOrDefault(f) })],
        Types = [.. view.Mapping.Types.Select(t => new TypeEntry { Value = t.Key, Choice = t.Value })],
        Statuses = [.. view.Mapping.Statuses.Select(s => new StatusEntry { Value = s.Key, Status = s.Value })],
        Epics = view.Mapping.Epics,
        EpicLinks = [.. view.Scan.Epics.Select(e => new EpicEntry { Key = e.Key, Title = e.Title, RoadmapItemId = view.Mapping.EpicLinks.TryGetValue(e.Key, out var id) ? id : null })],
        Sprints = view.Mapping.Sprints,
        BadRows = view.Mapping.BadRows,
    };

    public ImportMappingChoices ToChoices() => new(
        [.. Columns.Select(c => new ColumnChoice(c.Field, c.Column))], [.. Types.Select(t => new TypeChoice(t.Value ?? "", t.Choice))],
        [.. Statuses.Select(s => new StatusChoice(s.Value ?? "", s.Status))], Epics, [.. EpicLinks.Select(e => new EpicLinkChoice(e.Key ?? "", e.RoadmapItemId))],
        Sprints, BadRows);

    public sealed class ColumnEntry
    {
        public ImportField Field { get; set; }
        public string? Column { get; set; }
    }

    public sealed class TypeEntry
    {
        public string? Value { get; set; }
        public ImportTypeChoice Choice { get; set; }
    }

    public sealed class StatusEntry
    {
        public string? Value { get; set; }
        public BacklogItemStatus Status { get; set; }
    }

    public sealed class EpicEntry
    {
        public string? Key { get; set; }
        public string? Title { get; set; }
        public int? RoadmapItemId { get; set; }
    }
}
