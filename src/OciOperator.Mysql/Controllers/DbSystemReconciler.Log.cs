using Microsoft.Extensions.Logging;

namespace OciOperator.Mysql.Controllers;

internal sealed partial class DbSystemReconciler
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "DbSystem {Namespace}/{Name}: created DB system {Ocid}")]
    private static partial void LogCreated(ILogger logger, string @namespace, string name, string ocid);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "DbSystem {Namespace}/{Name}: sent UpdateDbSystem for {Ocid} ({Fields})")]
    private static partial void LogUpdateSent(ILogger logger, string @namespace, string name, string ocid, string fields);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "DbSystem {Namespace}/{Name}: sent DeleteDbSystem for {Ocid}")]
    private static partial void LogDeleteSent(ILogger logger, string @namespace, string name, string ocid);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "DbSystem {Namespace}/{Name}: finalizer removed")]
    private static partial void LogFinalizerRemoved(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "DbSystem {Namespace}/{Name}: transient OCI failure, retrying: {Message}")]
    private static partial void LogTransient(ILogger logger, string @namespace, string name, string message);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "DbSystem {Namespace}/{Name}: {Message}")]
    private static partial void LogPermanent(ILogger logger, string @namespace, string name, string message);
}
