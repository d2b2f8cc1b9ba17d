using Pipeline.Build.Streaming;

namespace Pipeline.Build.Tests.Streaming;

public class OrderedParallelTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    [Fact]
    public void Consumes_in_index_order_when_a_later_item_is_produced_first()
    {
        using var secondProduced = new ManualResetEventSlim();
        var consumed = new List<int>();

        OrderedParallel.Run(
            count: 10,
            parallelism: 2,
            window: 4,
            i =>
            {
                // Item 0 is held back until item 1 exists, so item 1 is always produced first.
                if (i == 0 && !secondProduced.Wait(HangGuard)) throw new TimeoutException("item 1 was never produced");
                if (i == 1) secondProduced.Set();
                return i;
            },
            consumed.Add);

        consumed.Should().Equal(Enumerable.Range(0, 10));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 10)]
    public void Never_holds_more_than_the_window_of_produced_items_not_yet_taken(int parallelism, int window)
    {
        var started = 0;
        var taken = 0;
        var mostAhead = 0;

        OrderedParallel.Run(
            count: 300,
            parallelism,
            window,
            i =>
            {
                var ahead = Interlocked.Increment(ref started) - Volatile.Read(ref taken);
                InterlockedMax(ref mostAhead, ahead);
                return i;
            },
            _ => Interlocked.Increment(ref taken));

        // A worker may start the next item as soon as one is taken, before consume has counted it.
        mostAhead.Should().BeLessThanOrEqualTo(window + 1);
        taken.Should().Be(300);
    }

    [Fact]
    public void A_failure_is_rethrown_as_it_was_after_the_items_before_it_are_consumed()
    {
        var consumed = new List<int>();

        var act = () => OrderedParallel.Run(
            count: 100,
            parallelism: 2,
            window: 4,
            i => i == 5 ? throw new InvalidDataException("item 5 is broken") : i,
            consumed.Add);

        act.Should().Throw<InvalidDataException>().WithMessage("item 5 is broken")
            .Which.StackTrace.Should().Contain(nameof(A_failure_is_rethrown_as_it_was_after_the_items_before_it_are_consumed), "the producer's stack is kept");
        consumed.Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public void A_failing_consumer_stops_the_workers_and_is_rethrown()
    {
        var produced = 0;

        var act = () => OrderedParallel.Run(
            count: 1000,
            parallelism: 2,
            window: 4,
            i => Interlocked.Increment(ref produced),
            item => throw new InvalidOperationException("consumer failed"));

        act.Should().Throw<InvalidOperationException>().WithMessage("consumer failed");
        produced.Should().BeLessThanOrEqualTo(4 + 1, "workers stop once the consumer fails: only the window and the room item 0 freed were ever produced");
    }

    [Fact]
    public void Nothing_to_do_returns_at_once()
    {
        var consumed = new List<int>();

        OrderedParallel.Run(0, 4, 4, i => i, consumed.Add);

        consumed.Should().BeEmpty();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
