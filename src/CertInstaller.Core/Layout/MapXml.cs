using System.Xml;

namespace CertInstaller.Core.Layout;

/// <summary>How a certificate map is opened, by every reader of it: a regular file (never a link, FIFO or device) of at
/// most <see cref="MaxBytes"/>, as XML with DTDs prohibited and no resolver (no entity expansion, nothing fetched).</summary>
internal static class MapXml
{
    /// <summary>The largest map read; IC writes a few kilobytes.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>True when the map at <paramref name="fullPath"/> is larger than <see cref="MaxBytes"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing is at <paramref name="fullPath"/>.</exception>
    public static bool TooLarge(IO.IFileSystem fileSystem, string fullPath) =>
        (fileSystem.GetEntry(fullPath) ?? throw new FileNotFoundException("the map is gone", fullPath)).Length > MaxBytes;

    /// <summary>An XML reader over the map at <paramref name="fullPath"/>, read through <paramref name="fileSystem"/>;
    /// disposing it closes the file.</summary>
    /// <exception cref="IOException">Not a regular file (<see cref="IO.NotRegularFileException"/>) or not readable.</exception>
    public static XmlReader Open(IO.IFileSystem fileSystem, string fullPath) =>
        XmlReader.Create(fileSystem.OpenRead(fullPath), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
}
