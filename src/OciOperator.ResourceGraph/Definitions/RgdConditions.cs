namespace OciOperator.ResourceGraph.Definitions;

/// <summary>
/// The RGD's status vocabulary in one place (kro.md §1.4): condition types, reasons, the messages kro uses for the
/// True cases, and the two states. Nothing else in the engine spells these strings.
/// </summary>
public static class RgdConditions
{
    public const string GraphAccepted = "GraphAccepted";
    public const string KindReady = "KindReady";
    public const string ControllerReady = "ControllerReady";
    public const string Ready = "Ready";

    /// <summary>The dependents of <see cref="Ready"/>, in the order they are written (Ready last).</summary>
    public static readonly IReadOnlyList<string> Dependents = [GraphAccepted, KindReady, ControllerReady];

    public const string StateActive = "Active";
    public const string StateInactive = "Inactive";

    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    /// <summary>Reasons, kro's where kro has one.</summary>
    public static class Reasons
    {
        public const string Valid = "Valid";
        public const string InvalidResourceGraph = "InvalidResourceGraph";

        /// <summary>The graph reads kinds whose CRDs are not installed yet (kro #1292); it is built again when they appear.</summary>
        public const string WaitingForCrd = "WaitingForCRD";

        public const string KindAccepted = "Ready";
        public const string Failed = "Failed";

        /// <summary>The instance CRD was written and the API server has not reported it Established yet.</summary>
        public const string NotEstablished = "NotEstablished";

        public const string Running = "Running";
        public const string FailedToStart = "FailedToStart";

        /// <summary>The instance controller started and its informers have not listed yet.</summary>
        public const string WaitingForCacheSync = "WaitingForCacheSync";

        /// <summary>A condition not decided yet (the graph never compiled, so there is no kind or controller).</summary>
        public const string AwaitingReconciliation = "AwaitingReconciliation";

        public const string ReadyReason = "Ready";
    }

    public static class Messages
    {
        public const string GraphValid = "resource graph and schema are valid";
        public const string ControllerRunning = "controller is running";
        public const string WaitingForSync = "the instance controller is waiting for its informers to sync";

        public static string KindAccepted(string kind) => $"kind {kind} has been accepted and ready";

        public static string NotEstablished(string crd) => $"waiting for CRD {crd} to become Established";
    }
}
