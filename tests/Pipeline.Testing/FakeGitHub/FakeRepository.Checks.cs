namespace Pipeline.Testing.FakeGitHub;

public sealed partial class FakeRepository
{
    private readonly List<FakeCheckRun> _checkRuns = [];

    public IReadOnlyList<FakeCheckRun> CheckRuns()
    {
        lock (_gate) return _checkRuns.ToList();
    }

    internal FakeCheckRun AddCheckRun(string name, string headSha)
    {
        lock (_gate)
        {
            var run = new FakeCheckRun(_nextId(), name, headSha, "queued", null, null, null, [], []);
            _checkRuns.Add(run);
            return run;
        }
    }

    internal FakeCheckRun? UpdateCheckRun(long id, Func<FakeCheckRun, FakeCheckRun> change)
    {
        lock (_gate)
        {
            var index = _checkRuns.FindIndex(r => r.Id == id);
            if (index < 0) return null;
            _checkRuns[index] = change(_checkRuns[index]);
            return _checkRuns[index];
        }
    }
}
