using System.Text.Json.Nodes;
using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>StartDbSystem, StopDbSystem, RestartDbSystem (<c>POST /dbSystems/{id}/actions/{start|stop|restart}</c>).</summary>
internal sealed partial class MysqlService
{
    private static readonly string[] ShutdownTypes = ["IMMEDIATE", "FAST", "SLOW"];

    /// <summary>Runs a lifecycle action; <paramref name="action"/> is start, stop or restart.</summary>
    public OciResponse RunAction(string id, string action, JsonObject? body, string? ifMatch)
    {
        var (required, target, operationType, done) = action switch
        {
            "start" => ("INACTIVE", "ACTIVE", "START_DBSYSTEM", "started"),
            "stop" => ("ACTIVE", "INACTIVE", "STOP_DBSYSTEM", "stopped"),
            "restart" => ("ACTIVE", "ACTIVE", "RESTART_DBSYSTEM", "restarted"),
            _ => (string.Empty, string.Empty, string.Empty, string.Empty),
        };
        if (operationType.Length == 0)
        {
            return OciResponse.Error(404, "NotFound", $"The DB System action '{action}' does not exist.");
        }

        if (action != "start")
        {
            var shutdownType = (string?)(body?["shutdownType"] as JsonValue);
            if (shutdownType is null)
            {
                return OciResponse.Missing("shutdownType");
            }

            if (!ShutdownTypes.Contains(shutdownType))
            {
                return OciResponse.Invalid($"The shutdownType must be one of {string.Join(", ", ShutdownTypes)}.");
            }
        }

        lock (_gate)
        {
            Advance();
            var record = Find(id);
            if (record is null || record.LifecycleState == "DELETED")
            {
                return OciResponse.NotFound($"DB System {id}");
            }

            if (ifMatch is not null && !EtagMatches(ifMatch, record.ETag))
            {
                return OciResponse.Error(412, "NoEtagMatch", "The if-match ETag does not match the DB System's current ETag.");
            }

            if (record.LifecycleState != required)
            {
                return IncorrectState(record, done);
            }

            var now = Time.GetUtcNow();
            record.LifecycleState = "UPDATING";
            record.LifecycleDetails = $"{operationType} in progress.";
            record.PendingState = target;
            record.Touch(now);
            var workRequest = StartWorkRequest(record, operationType, "UPDATED", options.UpdateDelay, now);
            Advance();
            return new OciResponse(202, null, [OciResponse.Header("opc-work-request-id", workRequest.Id)]);
        }
    }
}
