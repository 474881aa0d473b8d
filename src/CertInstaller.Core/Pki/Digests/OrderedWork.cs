using System.Runtime.ExceptionServices;

namespace CertInstaller.Core.Pki.Digests;

/// <summary>
/// Runs <c>work(0..count-1)</c> on a few threads and hands the results to one consumer in index order, holding
/// at most a window of results: the workers keep going while the consumer writes, with no barrier between blocks.
/// </summary>
/// <remarks>
/// A PLINQ block (AsOrdered().ToList()) waits for its slowest item and then for the consumer to write the whole block,
/// so one core idled at every block edge (bench: a third of the second pass). Here a worker only waits when it is a whole
/// window ahead of the consumer, which bounds memory as the block did. An exception in <c>work</c> stops the workers and
/// is rethrown, as it was, to the consumer when it reaches that item (or any later one).
/// </remarks>
/// <typeparam name="T">The result of one item.</typeparam>
internal sealed class OrderedWork<T> : IDisposable
{
    private readonly object _gate = new();
    private readonly Func<int, T> _work;
    private readonly int _count;
    private readonly T[] _slots;
    private readonly bool[] _ready;
    private readonly Task[] _workers;
    private int _next;
    private int _taken;
    private bool _stopped;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Works on <paramref name="count"/> items with <paramref name="workers"/> threads, the caller of <see cref="Take"/>
    /// one of them, at most <paramref name="window"/> items ahead of the consumer.</summary>
    public OrderedWork(int count, int window, int workers, Func<int, T> work)
    {
        (_count, _work) = (count, work);
        _slots = new T[Math.Max(1, window)];
        _ready = new bool[_slots.Length];
        _workers = Enumerable.Range(0, Math.Max(0, Math.Min(workers, count) - 1)).Select(_ => Task.Factory.StartNew(Work, CancellationToken.None,
            TaskCreationOptions.DenyChildAttach, TaskScheduler.Default)).ToArray();
    }

    /// <summary>The result of item <paramref name="index"/>; items are taken once each, in order 0, 1, 2, ... While the item
    /// is not done, the caller works on the next unclaimed one itself (it is one of the workers, as PLINQ's caller is).</summary>
    public T Take(int index)
    {
        var slot = index % _slots.Length;
        while (true)
        {
            int claimed;
            lock (_gate)
            {
                if (_ready[slot])
                {
                    var value = _slots[slot];
                    _slots[slot] = default!;
                    _ready[slot] = false;
                    _taken = index + 1;
                    Monitor.PulseAll(_gate);
                    return value;
                }

                _failure?.Throw();
                if (!TryClaim(out claimed))
                {
                    Monitor.Wait(_gate);
                    continue;
                }
            }

            Run(claimed);
        }
    }

    /// <summary>Stops the workers (after the item each is on) and waits for them.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var worker in _workers)
        {
            worker.Wait();
        }
    }

    private void Work()
    {
        while (true)
        {
            int index;
            lock (_gate)
            {
                while (!TryClaim(out index))
                {
                    if (_stopped || _next >= _count)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }
            }

            if (!Run(index))
            {
                return;
            }
        }
    }

    // The next item, unless the work is stopped or done or a whole window ahead of the consumer. Called under the lock.
    private bool TryClaim(out int index)
    {
        index = _next;
        if (_stopped || _next >= _count || _next >= _taken + _slots.Length)
        {
            return false;
        }

        _next++;
        return true;
    }

    // Runs one item and publishes its result; false when it failed (the work is stopped and the failure kept).
    private bool Run(int index)
    {
        T value;
        try
        {
            value = _work(index);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _failure ??= ExceptionDispatchInfo.Capture(e);
                _stopped = true;
                Monitor.PulseAll(_gate);
            }

            return false;
        }

        lock (_gate)
        {
            _slots[index % _slots.Length] = value;
            _ready[index % _slots.Length] = true;
            Monitor.PulseAll(_gate);
        }

        return true;
    }
}
