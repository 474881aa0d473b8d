using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using CertInstaller.Core.Codes;
using CertInstaller.Core.IO;

namespace CertInstaller.PowerShell.Hosting;

/// <summary>What every CertInstaller cmdlet shares: provider paths, coded error records and progress from Core's workers.</summary>
public abstract class IcCmdlet : PSCmdlet
{
    /// <summary>A file-system path from a PowerShell path (relative to the current location, PSDrives resolved, no wildcards).</summary>
    protected string FileSystemPath(string path) => GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>An error record whose FullyQualifiedErrorId starts with the registry code ("CI10005,SnapshotNotFound"),
    /// so admins filter on the code whatever the message says.</summary>
    protected static ErrorRecord Coded(CodeInfo code, string message, ErrorCategory category, object? target, Exception? inner = null) =>
        new(new IcException(code, message, inner), $"{code.Text},{code.Name}", category, target);

    /// <summary>Runs Core's work on a worker while the pipeline thread turns its <see cref="WorkProgress"/> into Write-Progress
    /// (WriteProgress may only be called from the pipeline thread; Core reports from its readers).</summary>
    protected T WithProgress<T>(string activity, Func<IProgress<WorkProgress>, T> work)
    {
        using var queue = new BlockingCollection<WorkProgress>();
        var progress = new QueueProgress(queue);
        var task = Task.Run(() =>
        {
            try
            {
                return work(progress);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        var record = new ProgressRecord(Math.Abs(activity.GetHashCode()) % 100000, activity, "starting");
        foreach (var step in queue.GetConsumingEnumerable())
        {
            record.StatusDescription = $"{step.Done}/{step.Total} files" + (step.Folder.Length > 0 ? $" ({step.Folder})" : string.Empty);
            record.PercentComplete = step.Total > 0 ? Math.Min(100, step.Done * 100 / step.Total) : -1;
            WriteProgress(record);
        }

        record.RecordType = ProgressRecordType.Completed;
        WriteProgress(record);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>The plain text of a password parameter (Core's readers take a string).</summary>
    protected static string? Plain(SecureString? secret)
    {
        if (secret is null)
        {
            return null;
        }

        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            return Marshal.PtrToStringUni(pointer);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    private sealed class QueueProgress(BlockingCollection<WorkProgress> queue) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value)
        {
            // Only the latest picture matters: a full queue drops a step rather than slowing the readers.
            if (!queue.IsAddingCompleted && queue.Count < 64)
            {
                try
                {
                    queue.Add(value);
                }
                catch (InvalidOperationException)
                {
                    // Completed between the check and the add: the work is done, the step is stale.
                }
            }
        }
    }
}

/// <summary>The exception inside a CertInstaller error record: the registry code and the message (file, problem, fix).</summary>
public sealed class IcException(CodeInfo code, string message, Exception? inner = null) : Exception($"{code.Text} {message}", inner)
{
    /// <summary>The registry code.</summary>
    public string Code { get; } = code.Text;
}
