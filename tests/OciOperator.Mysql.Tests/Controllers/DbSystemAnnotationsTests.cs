using OciOperator.Mysql.Controllers;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary><see cref="DbSystemAnnotations.RetainsOnDelete"/>: only an explicit retain keeps the OCI DB system.</summary>
public sealed class DbSystemAnnotationsTests
{
    [TestCase("retain", true)]
    [TestCase("Retain", true)]
    [TestCase("RETAIN", true)]
    [TestCase(" retain ", true)]
    [TestCase("delete", false)]
    [TestCase("", false)]
    [TestCase("retained", false)]
    [TestCase("keep", false)]
    [TestCase(null, false)]
    public void RetainsOnDelete_PolicyValue_OnlyRetainKeeps(string? value, bool retains)
    {
        var annotations = new Dictionary<string, string> { [DbSystemAnnotations.DeletionPolicy] = value! };

        Assert.That(DbSystemAnnotations.RetainsOnDelete(annotations), Is.EqualTo(retains));
    }

    [Test]
    public void RetainsOnDelete_NoAnnotations_Deletes()
    {
        Assert.That(DbSystemAnnotations.RetainsOnDelete(null), Is.False);
        Assert.That(DbSystemAnnotations.RetainsOnDelete(new Dictionary<string, string>()), Is.False);
    }

    [Test]
    public void RetainsOnDelete_RetainUnderAnotherKey_Deletes()
    {
        var annotations = new Dictionary<string, string> { ["example.com/deletion-policy"] = "retain", ["deletion-policy"] = "retain" };

        Assert.That(DbSystemAnnotations.RetainsOnDelete(annotations), Is.False);
    }

    [Test]
    public void Constants_AreOsokAndDocumentedNames()
    {
        Assert.That(DbSystemAnnotations.Finalizer, Is.EqualTo("finalizers.oci.oracle.com/oci-resources"));
        Assert.That(DbSystemAnnotations.DeletionPolicy, Is.EqualTo("oci.oracle.com/deletion-policy"));
    }
}
