using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Tests.Shared;

/// <summary>One name per enum value, read from its [Display] attribute, and written out nowhere else.</summary>
public sealed class EnumTextTests
{
    // The enums a reader sees: the domain's, and the Scrum board's columns and close choices.
    private static readonly Type[] Shown =
    [
        .. typeof(Product).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("ProductRoles.Web.Domain", StringComparison.Ordinal) == true),
        typeof(BoardColumn), typeof(UnfinishedWork),
    ];

    public static TheoryData<Type> ShownEnums() => [.. Shown];

    [Theory]
    [MemberData(nameof(ShownEnums))]
    public void Every_value_has_its_own_display_name(Type type)
    {
        var names = new List<string>();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var display = field.GetCustomAttribute<DisplayAttribute>()?.GetName();
            Assert.False(string.IsNullOrWhiteSpace(display), $"{type.Name}.{field.Name} has no [Display(Name = ...)].");
            Assert.Equal(display, EnumText.Of((Enum)field.GetValue(null)!));
            names.Add(display!);
        }

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void History_select_lists_and_pages_use_the_same_name()
    {
        Assert.Equal("In progress", BacklogItemStatus.InProgress.Display());
        Assert.Equal("In progress", HistoryText.Value(BacklogItemStatus.InProgress));
        Assert.Equal("To do", HistoryText.Value(SprintTaskState.ToDo));
        Assert.Equal("Scrum master", HistoryText.Value(ProductRole.ScrumMaster));
        Assert.Equal("Returned to backlog", HistoryText.Value(SprintItemOutcome.ReturnedToBacklog));
    }

    [Fact]
    public void No_view_writes_an_enum_name_out_by_hand()
    {
        // The names that differ from the value's own (a single word like "Done" is fine anywhere).
        var names = Shown.SelectMany(t => Enum.GetValues(t).Cast<Enum>())
            .Select(EnumText.Of).Where(n => n.Contains(' ', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("In progress", names);
        var pages = Path.Combine(RepositoryRoot(), "src", "ProductRoles.Web", "Pages");
        // A label, not a word in a sentence ("the product owner or Scrum master plans" is prose).
        var labels = names.Select(n => (Name: n, Pattern: new Regex(@"(?<!\p{L} )(?<!\p{L})" + Regex.Escape(n) + @"(?!\p{L})"))).ToList();
        var found = Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(file => labels.Where(l => l.Pattern.IsMatch(File.ReadAllText(file))).Select(l => l.Name)
                .Select(n => $"{Path.GetRelativePath(pages, file)}: \"{n}\""))
            .ToList();
        Assert.True(found.Count == 0, "Write enum names with .Display(): " + string.Join(", ", found));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProductRoles.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (ProductRoles.sln) was not found.");
    }
}
