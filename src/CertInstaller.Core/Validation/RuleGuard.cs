namespace CertInstaller.Core.Validation;

/// <summary>Turns a failure while judging one file into a finding on that file, so one damaged file never stops validation.</summary>
internal static class RuleGuard
{
    /// <summary>The observations of <paramref name="check"/>, or one <see cref="FindingCode.UnreadableFile"/> when it throws.</summary>
    public static IReadOnlyList<Observation> Run(string path, Func<IEnumerable<Observation>> check)
    {
        try
        {
            return check().ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // BouncyCastle decodes extensions and keys lazily: a defect deep inside a certificate surfaces here.
            return [new Observation(FindingCode.UnreadableFile, path, $"part of it cannot be decoded ({e.Message}): export the file again from its source")];
        }
    }
}
