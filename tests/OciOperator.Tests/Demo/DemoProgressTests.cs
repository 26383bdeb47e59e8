using OciOperator.Demo;

namespace OciOperator.Tests.Demo;

public sealed class DemoProgressTests
{
    private static readonly TimeSpan At = TimeSpan.FromSeconds(1.25);

    private static IEnumerable<TestCaseData> Sequences()
    {
        yield return new TestCaseData(
            new[] { new DemoSnapshot("Secret", "s", DemoPhase.Ready) },
            new[] { "Secret s created" })
            .SetName("Observe_SecretAppears_OneCreatedLine");
        yield return new TestCaseData(
            new[]
            {
                new DemoSnapshot("DbSystem", "db", DemoPhase.Created),
                new DemoSnapshot("DbSystem", "db", DemoPhase.Progressing, "CREATING"),
                new DemoSnapshot("DbSystem", "db", DemoPhase.Progressing, "CREATING"),
                new DemoSnapshot("DbSystem", "db", DemoPhase.Ready, "ACTIVE", "private IP 10.0.0.3"),
            },
            new[] { "DbSystem db created", "DbSystem db CREATING", "DbSystem db ACTIVE: private IP 10.0.0.3" })
            .SetName("Observe_DbSystemCreatingThenActive_OneLinePerStateAndNoneForRepeats");
        yield return new TestCaseData(
            new[] { new DemoSnapshot("DbSystem", "db", DemoPhase.Progressing, "CREATING") },
            new[] { "DbSystem db created", "DbSystem db CREATING" })
            .SetName("Observe_FirstSeenAlreadyProgressing_CreatedThenState");
        yield return new TestCaseData(
            new[]
            {
                new DemoSnapshot("Job", "j", DemoPhase.Created),
                new DemoSnapshot("Job", "j", DemoPhase.Progressing, "running"),
                new DemoSnapshot("Job", "j", DemoPhase.Ready, "succeeded"),
            },
            new[] { "Job j created", "Job j running", "Job j succeeded" })
            .SetName("Observe_JobRunsAndSucceeds_ThreeLines");
        yield return new TestCaseData(
            new[]
            {
                new DemoSnapshot("Service", "svc", DemoPhase.Created),
                new DemoSnapshot("Service", "svc", DemoPhase.Ready, "LoadBalancer IP 203.0.113.7"),
            },
            new[] { "Service svc created", "Service svc LoadBalancer IP 203.0.113.7" })
            .SetName("Observe_ServiceGetsIp_IpLine");
        yield return new TestCaseData(
            new[]
            {
                new DemoSnapshot("OsokKroDemoApp", "app", DemoPhase.Failed, "ERROR", "bad"),
                new DemoSnapshot("OsokKroDemoApp", "app", DemoPhase.Failed, "ERROR", "worse"),
            },
            new[] { "OsokKroDemoApp app created", "OsokKroDemoApp app ERROR: bad", "OsokKroDemoApp app ERROR: worse" })
            .SetName("Observe_FailureMessageChanges_OneLinePerMessage");
        yield return new TestCaseData(
            new[] { DemoSnapshot.Gone("Job", "never-seen") },
            Array.Empty<string>())
            .SetName("Observe_DeletionOfUnseenObject_NoLine");
        yield return new TestCaseData(
            new[]
            {
                new DemoSnapshot("Job", "j", DemoPhase.Ready, "succeeded"),
                DemoSnapshot.Gone("Job", "j"),
                new DemoSnapshot("Job", "j", DemoPhase.Created),
            },
            new[] { "Job j created", "Job j succeeded", "Job j deleted", "Job j created" })
            .SetName("Observe_DeletedThenRecreated_CreatedAgain");
    }

    [TestCaseSource(nameof(Sequences))]
    public void Observe_Sequence_PrintsTheExpectedLines(object snapshots, string[] expected)
    {
        var progress = new DemoProgress();

        var lines = ((DemoSnapshot[])snapshots).SelectMany(s => progress.Observe(s, At)).Select(l => $"{l.Kind} {l.Name} {l.Text}");

        Assert.That(lines, Is.EqualTo(expected));
    }

    [Test]
    public void ToPlainText_Line_ElapsedSecondsThenAlignedColumns()
    {
        var line = new DemoLine(TimeSpan.FromMilliseconds(5_940), "DbSystem", "osok-kro-demo-db", DemoPhase.Ready, "ACTIVE");

        Assert.That(
            line.ToPlainText(),
            Is.EqualTo("   5.9s  DbSystem                 osok-kro-demo-db                 ACTIVE"));
    }

    [Test]
    public void WaitingOn_LastNotReadyInOrderOfAppearance_IsReported()
    {
        var progress = new DemoProgress();
        progress.Observe(new DemoSnapshot("OsokKroDemoApp", "app", DemoPhase.Progressing, "IN_PROGRESS"), At);
        progress.Observe(new DemoSnapshot("Secret", "s", DemoPhase.Ready), At);
        progress.Observe(new DemoSnapshot("DbSystem", "db", DemoPhase.Progressing, "CREATING"), At);

        Assert.That(progress.WaitingOn, Is.EqualTo(new DemoSnapshot("DbSystem", "db", DemoPhase.Progressing, "CREATING")));

        progress.Observe(new DemoSnapshot("DbSystem", "db", DemoPhase.Ready, "ACTIVE"), At);
        Assert.That(progress.WaitingOn?.Name, Is.EqualTo("app"));

        progress.Observe(new DemoSnapshot("Job", "j", DemoPhase.Created), At);
        Assert.That(progress.WaitingOn?.Name, Is.EqualTo("j"));
    }

    [Test]
    public void Observe_EachLine_CarriesTheElapsedTimeItWasSeenAt()
    {
        var progress = new DemoProgress();

        var lines = progress.Observe(new DemoSnapshot("Job", "j", DemoPhase.Ready, "succeeded"), TimeSpan.FromSeconds(3));

        Assert.That(lines.Select(l => l.Elapsed), Is.All.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(lines.Select(l => l.Phase), Is.EqualTo(new[] { DemoPhase.Created, DemoPhase.Ready }));
    }

    [Test]
    public void PlainView_WalkthroughEvents_OneLinePerCreationAndReadinessWithElapsedTime()
    {
        var progress = new DemoProgress();
        using var output = new StringWriter { NewLine = "\n" };
        var view = new PlainDemoView(output);
        (double Seconds, DemoSnapshot Snapshot)[] events =
        [
            (0.4, new DemoSnapshot("Secret", "osok-kro-demo-mysql-admin", DemoPhase.Ready)),
            (0.5, new DemoSnapshot("DbSystem", "osok-kro-demo-db", DemoPhase.Created)),
            (0.7, new DemoSnapshot("DbSystem", "osok-kro-demo-db", DemoPhase.Progressing, "CREATING")),
            (5.8, new DemoSnapshot("DbSystem", "osok-kro-demo-db", DemoPhase.Ready, "ACTIVE")),
            (5.9, new DemoSnapshot("Job", "osok-kro-demo-init-wordpress-db", DemoPhase.Created)),
            (9.0, new DemoSnapshot("Job", "osok-kro-demo-init-wordpress-db", DemoPhase.Ready, "succeeded")),
            (9.1, new DemoSnapshot("Deployment", "osok-kro-demo-wordpress-app", DemoPhase.Created)),
            (11.2, new DemoSnapshot("Deployment", "osok-kro-demo-wordpress-app", DemoPhase.Ready, "available 1/1")),
            (11.3, new DemoSnapshot("Service", "osok-kro-demo-wordpress-svc", DemoPhase.Created)),
            (13.4, new DemoSnapshot("Service", "osok-kro-demo-wordpress-svc", DemoPhase.Ready, "LoadBalancer IP 203.0.113.1")),
        ];

        foreach (var (seconds, snapshot) in events)
        {
            foreach (var line in progress.Observe(snapshot, TimeSpan.FromSeconds(seconds)))
            {
                view.Line(line);
            }
        }

        Assert.That(output.ToString(), Is.EqualTo(string.Join("\n",
        [
            "   0.4s  Secret                   osok-kro-demo-mysql-admin        created",
            "   0.5s  DbSystem                 osok-kro-demo-db                 created",
            "   0.7s  DbSystem                 osok-kro-demo-db                 CREATING",
            "   5.8s  DbSystem                 osok-kro-demo-db                 ACTIVE",
            "   5.9s  Job                      osok-kro-demo-init-wordpress-db  created",
            "   9.0s  Job                      osok-kro-demo-init-wordpress-db  succeeded",
            "   9.1s  Deployment               osok-kro-demo-wordpress-app      created",
            "  11.2s  Deployment               osok-kro-demo-wordpress-app      available 1/1",
            "  11.3s  Service                  osok-kro-demo-wordpress-svc      created",
            "  13.4s  Service                  osok-kro-demo-wordpress-svc      LoadBalancer IP 203.0.113.1",
            string.Empty,
        ])));
    }
}
