namespace OciOperator.Runtime.Metrics;

/// <summary>The <c>result</c> label values of <c>controller_runtime_reconcile_total</c> (controller-runtime's).</summary>
public static class ReconcileResultLabels
{
    public const string Success = "success";
    public const string Error = "error";
    public const string Requeue = "requeue";
    public const string RequeueAfter = "requeue_after";
}
