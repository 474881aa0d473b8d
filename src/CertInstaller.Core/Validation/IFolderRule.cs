namespace CertInstaller.Core.Validation;

/// <summary>One check over a folder: reports what it observes, never how bad it is.</summary>
public interface IFolderRule
{
    /// <summary>Observations about the folder in <paramref name="context"/>.</summary>
    IEnumerable<Observation> Check(ValidationContext context);
}
