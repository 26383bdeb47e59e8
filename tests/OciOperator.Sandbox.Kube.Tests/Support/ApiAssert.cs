using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Autorest;

namespace OciOperator.Sandbox.Kube.Tests.Support;

/// <summary>Helpers to assert on apiserver Status errors and to view client results as JSON.</summary>
internal static class ApiAssert
{
    /// <summary>Runs <paramref name="call"/>, expects an HTTP error with <paramref name="code"/>, returns the Status body.</summary>
    public static async Task<JsonNode> FailsAsync(Func<Task> call, HttpStatusCode code)
    {
        try
        {
            await call();
        }
        catch (HttpOperationException e)
        {
            Assert.That(e.Response.StatusCode, Is.EqualTo(code), e.Response.Content);
            var status = JsonNode.Parse(e.Response.Content)!;
            Assert.That(status["kind"]?.GetValue<string>(), Is.EqualTo("Status"));
            Assert.That(status["code"]?.GetValue<int>(), Is.EqualTo((int)code));
            return status;
        }

        Assert.Fail($"expected HTTP {(int)code}, but the call succeeded");
        throw new InvalidOperationException("unreachable");
    }

    public static JsonNode Node(object? value) => JsonNode.Parse(JsonSerializer.Serialize(value))!;
}
