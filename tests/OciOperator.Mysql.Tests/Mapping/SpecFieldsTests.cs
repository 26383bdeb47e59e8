using System.Reflection;
using System.Text.Json.Serialization;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Mapping;
using OciOperator.Oci.Mysql;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>Every spec field is classified as mutable or force-new (<c>reference/osok.md</c> §3.2), and can be sent.</summary>
public sealed class SpecFieldsTests
{
    /// <summary>
    /// Spec fields that are deliberately neither: <c>id</c> names the DB system to bind (identity, not state), and a
    /// new <c>adminPassword</c> is applied by reading the referenced Secret (password rotation), not by comparing specs.
    /// </summary>
    private static readonly string[] Unclassified = ["id", "adminPassword"];

    [Test]
    public void Classification_EverySpecField_IsMutableForceNewOrDocumented()
    {
        var classified = SpecFields.Mutable.Concat(SpecFields.ForceNew).Concat(Unclassified);

        Assert.That(SpecJsonNames(), Is.EquivalentTo(classified));
    }

    [Test]
    public void Classification_MutableAndForceNew_AreDisjointAndUnique()
    {
        Assert.That(SpecFields.Mutable.Intersect(SpecFields.ForceNew), Is.Empty);
        Assert.That(SpecFields.Mutable, Is.Unique);
        Assert.That(SpecFields.ForceNew, Is.Unique);
    }

    [Test]
    public void DriftChecked_IsSubsetOfMutable()
    {
        Assert.That(SpecFields.DriftChecked, Is.SubsetOf(SpecFields.Mutable));
    }

    [Test]
    public void Mutable_EveryField_HasAPlaceInUpdateDbSystemDetails()
    {
        var updatable = MysqlJsonContext.Default.UpdateDbSystemDetails.Properties.Select(p => p.Name);

        Assert.That(SpecFields.Mutable, Is.SubsetOf(updatable));
    }

    [Test]
    public void EditTables_CoverEveryClassifiedField()
    {
        Assert.That(SpecEditTables.Mutable.Select(e => e.Field), Is.EquivalentTo(SpecFields.Mutable));
        Assert.That(SpecEditTables.ForceNew.Select(e => e.Field), Is.EquivalentTo(SpecFields.ForceNew));
    }

    private static IEnumerable<string> SpecJsonNames() =>
        typeof(DbSystemSpec).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name);
}
