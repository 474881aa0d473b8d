namespace CertInstaller.MsiKit;

/// <summary>One InstallExecuteSequence row.</summary>
public sealed record SequenceRow(string Action, string? Condition, int Sequence);

/// <summary>
/// Places relatively scheduled actions (Before/After) into an existing sequence the way the WiX binder does: each
/// anchor's Before actions come right before it and its After actions right after it, in declaration order, recursively.
/// The result is renumbered in steps of 10.
/// </summary>
public static class SequenceResolver
{
    public static IReadOnlyList<SequenceRow> Resolve(IEnumerable<SequenceRow> baseRows, IEnumerable<WxsSchedule> scheduled)
    {
        var ordered = baseRows.OrderBy(r => r.Sequence).ToList();
        var conditions = ordered.ToDictionary(r => r.Action, r => r.Condition);
        var before = new Dictionary<string, List<string>>();
        var after = new Dictionary<string, List<string>>();
        foreach (var s in scheduled)
        {
            if (conditions.ContainsKey(s.Action))
            {
                // Re-scheduling an action of the base table (MajorUpgrade's RemoveExistingProducts): take it out first.
                ordered.RemoveAll(r => r.Action == s.Action);
            }

            conditions[s.Action] = s.Condition;
            var map = s.Before is not null ? before : after;
            if (!map.TryGetValue(s.Anchor, out var list))
            {
                map[s.Anchor] = list = [];
            }

            list.Add(s.Action);
        }

        var result = new List<string>();
        void Place(string action)
        {
            if (result.Contains(action))
            {
                throw new InvalidDataException($"action {action} is scheduled twice (cycle?)");
            }

            foreach (var b in before.GetValueOrDefault(action) ?? [])
            {
                Place(b);
            }

            result.Add(action);
            foreach (var a in after.GetValueOrDefault(action) ?? [])
            {
                Place(a);
            }
        }

        foreach (var row in ordered)
        {
            Place(row.Action);
        }

        var missing = before.Keys.Concat(after.Keys).Where(anchor => !result.Contains(anchor)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"actions scheduled relative to actions that are not in the sequence: {string.Join(", ", missing)}");
        }

        return result.Select((a, i) => new SequenceRow(a, conditions[a], (i + 1) * 10)).ToList();
    }
}
