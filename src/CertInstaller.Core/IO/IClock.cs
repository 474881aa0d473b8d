namespace CertInstaller.Core.IO;

/// <summary>The time, passed in so snapshot ids and times are testable.</summary>
public interface IClock
{
    /// <summary>The current time, UTC.</summary>
    DateTimeOffset UtcNow { get; }
}

