using OciOperator.Oci.Auth;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests.Auth;

public sealed class AuthModeSelectorTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new Dictionary<string, string>(), null, AuthMode.InstancePrincipal).SetName("Select_Nothing_InstancePrincipal");
        yield return new TestCaseData(new Dictionary<string, string> { ["AUTH_TYPE"] = "User_Principal" }, null, AuthMode.UserPrincipal).SetName("Select_AuthTypeMixedCase_Wins");
        yield return new TestCaseData(new Dictionary<string, string> { ["AUTH_TYPE"] = "security_token", ["USEINSTANCEPRINCIPAL"] = "true" }, null, AuthMode.SecurityToken).SetName("Select_AuthTypeOverUseInstance_AuthTypeWins");
        yield return new TestCaseData(new Dictionary<string, string> { ["USEINSTANCEPRINCIPAL"] = "true" }, null, AuthMode.InstancePrincipal).SetName("Select_UseInstanceTrueNoUserInput_Instance");
        yield return new TestCaseData(new Dictionary<string, string> { ["USEINSTANCEPRINCIPAL"] = "true", ["TENANCY"] = "t" }, null, AuthMode.UserPrincipal).SetName("Select_UseInstanceWithUserInput_User");
        yield return new TestCaseData(new Dictionary<string, string> { ["REGION"] = "iad" }, null, AuthMode.UserPrincipal).SetName("Select_OnlyRegion_UserLikeOsok");
        yield return new TestCaseData(new Dictionary<string, string> { ["OCI_CONFIG_FILE_PATH"] = "/x" }, null, AuthMode.UserPrincipal).SetName("Select_ConfigFilePath_User");
        yield return new TestCaseData(new Dictionary<string, string> { ["AUTH_TYPE"] = "resource_principal" }, null, AuthMode.ResourcePrincipal).SetName("Select_ResourcePrincipal");
        yield return new TestCaseData(new Dictionary<string, string> { ["AUTH_TYPE"] = "oke_workload_identity" }, null, AuthMode.OkeWorkloadIdentity).SetName("Select_OkeWorkloadIdentity");
        yield return new TestCaseData(new Dictionary<string, string> { ["AUTH_TYPE"] = "user_principal" }, "instance_principal", AuthMode.InstancePrincipal).SetName("Select_ExplicitFlag_WinsOverEnv");
    }

    [TestCaseSource(nameof(Cases))]
    public void Select_Table(Dictionary<string, string> env, string? explicitMode, AuthMode expected)
    {
        Assert.That(AuthModeSelector.Select(new FakeEnvironment(env).Lookup, explicitMode), Is.EqualTo(expected));
    }

    [TestCase("workload_identity_federation", "not supported")]
    [TestCase("bogus", "Unknown auth type 'bogus'")]
    public void Parse_BadValue_ThrowsClearError(string value, string expected)
    {
        var ex = Assert.Throws<OciConfigurationException>(() => AuthModeSelector.Parse(value));

        Assert.That(ex!.Message, Does.Contain(expected));
    }
}
