using CertInstaller.Core.Pki.Digests;

namespace CertInstaller.Core.Tests.Pki.Digests;

public class OrderedWorkTests
{
    [TestCase(1, 1)]
    [TestCase(2, 8)]
    [TestCase(4, 3)]
    public void Take_WhenWorkersRunAhead_GivesEveryResultInOrderNeverMoreThanTheWindowAhead(int workers, int window)
    {
        const int count = 500;
        var consumed = 0;
        var furthest = 0;
        var results = new List<int>();

        using (var work = new OrderedWork<int>(count, window, workers, i =>
               {
                   DigestStream.InterlockedMax(ref furthest, i - Volatile.Read(ref consumed));
                   Thread.SpinWait(50 * (i % 7)); // uneven items, so workers finish out of order
                   return i * 3;
               }))
        {
            for (var i = 0; i < count; i++)
            {
                results.Add(work.Take(i));
                Volatile.Write(ref consumed, i + 1);
            }
        }

        Assert.That(results, Is.EqualTo(Enumerable.Range(0, count).Select(i => i * 3)));
        Assert.That(furthest, Is.LessThanOrEqualTo(window), "an item started more than a window ahead of the consumer");
    }

    [Test]
    public void Take_WhenAnItemThrows_RethrowsTheOriginalExceptionToTheConsumer()
    {
        using var work = new OrderedWork<int>(100, 4, 2, i => i == 5 ? throw new InvalidDataException("item 5") : i);

        var taken = new List<int>();
        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                taken.Add(work.Take(i));
            }
        });

        Assert.That(thrown!.Message, Is.EqualTo("item 5"));
        Assert.That(taken, Is.EqualTo(Enumerable.Range(0, taken.Count)), "what came before the failure came in order");
        Assert.That(taken.Count, Is.LessThanOrEqualTo(5));
    }

    [Test]
    public void Dispose_WhenTheConsumerStopsEarly_StopsTheWorkersWithinTheWindow()
    {
        var started = 0;
        var work = new OrderedWork<int>(10_000, 8, 3, i =>
        {
            Interlocked.Increment(ref started);
            return i;
        });
        for (var i = 0; i < 3; i++)
        {
            work.Take(i);
        }

        work.Dispose();
        var afterDispose = Volatile.Read(ref started);

        Assert.That(afterDispose, Is.LessThanOrEqualTo(3 + 8));
        Assert.That(Volatile.Read(ref started), Is.EqualTo(afterDispose), "no worker runs after Dispose returns");
    }
}
