using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Tests.Infrastructure.TestData;

/// <summary>
/// A sprint the Scrum master plans: two weeks from the given start (today by default), 10 points of
/// capacity, optionally with items planned into it and started.
/// </summary>
public sealed class SprintBuilder(TestProduct product, string name)
{
    private DateOnly _start = DateOnly.FromDateTime(DateTime.UtcNow);
    private int _days = 14;
    private int _capacity = 10;
    private string _goal = "Shoppers pay in one step";
    private int[] _items = [];
    private bool _started;

    public SprintBuilder Starting(DateOnly start, int days = 14)
    {
        (_start, _days) = (start, days);
        return this;
    }

    public SprintBuilder Goal(string goal)
    {
        _goal = goal;
        return this;
    }

    public SprintBuilder Capacity(int points)
    {
        _capacity = points;
        return this;
    }

    public SprintBuilder Planning(params int[] backlogItemIds)
    {
        _items = backlogItemIds;
        return this;
    }

    public SprintBuilder Started()
    {
        _started = true;
        return this;
    }

    public async Task<int> CreateAsync()
    {
        var id = await product.SendAsync(DemoUsers.Sm, new CreateSprint(product.Slug, name, _goal, _start, _start.AddDays(_days - 1), _capacity, false));
        foreach (var item in _items)
        {
            await product.SendAsync(DemoUsers.Sm, new PlanSprintItem(product.Slug, id, item));
        }

        if (_started)
        {
            await product.SendAsync(DemoUsers.Sm, new StartSprint(product.Slug, id, 0));
        }

        return id;
    }
}
