namespace CertInstaller.Installer.Data;

/// <summary>The problems found while reading one ActionData text (or a wrapped run's options), in the order found.</summary>
internal sealed class ActionDataProblems
{
    private readonly List<ActionDataProblem> _items = [];

    public int Count => _items.Count;

    public IReadOnlyList<ActionDataProblem> Items => _items;

    public void Add(ActionDataProblemCode code, string key, string message) => _items.Add(new(code, key, message));

    public bool Has(string key) => _items.Any(i => i.Key == key);
}
