using CertInstaller.Core.Layout;

namespace CertInstaller.Core.Validation.Rules;

/// <summary>Every path of the map file is inside the folder and present.</summary>
public sealed class MapRule : IFolderRule
{
    /// <inheritdoc />
    public IEnumerable<Observation> Check(ValidationContext context)
    {
        foreach (var map in context.Layout.Maps)
        {
            if (map.Error is not null)
            {
                yield return new Observation(FindingCode.MapFileUnreadable, map.RelativePath,
                    $"{map.Error}: regenerate the map with IC Setup Assistant or restore it from a snapshot");
                continue;
            }
            foreach (var entry in map.Entries)
            {
                switch (entry.Status)
                {
                    case MapEntryStatus.Missing:
                        yield return new Observation(FindingCode.MapEntryMissing, map.RelativePath,
                            $"{entry.Name} names {entry.OriginalPath}, which is not in the folder ({entry.RelativePath}): restore the file or fix the map");
                        break;
                    case MapEntryStatus.OutsideFolder:
                        yield return new Observation(FindingCode.MapEntryOutsideFolder, map.RelativePath,
                            $"{entry.Name} names {entry.OriginalPath}, which leaves the certificates folder; it was not opened: fix the map");
                        break;
                }
            }
        }
    }
}
