using k8s.Models;
using OciOperator.Runtime.Builder;

namespace OciOperator.Runtime.Tests.Builder;

public sealed class PredicatesTests
{
    private static IEnumerable<TestCaseData> UpdateCases()
    {
        static V1ConfigMap Obj(long gen, string label, string annotation, string rv) => new()
        {
            Metadata = new V1ObjectMeta
            {
                Name = "a",
                Generation = gen,
                ResourceVersion = rv,
                Labels = new Dictionary<string, string> { ["l"] = label },
                Annotations = new Dictionary<string, string> { ["a"] = annotation },
            },
        };

        var baseline = Obj(1, "x", "y", "10");
        yield return new TestCaseData(Predicates.GenerationChanged<V1ConfigMap>(), baseline, Obj(2, "x", "y", "11"), true).SetName("GenerationChanged_SpecChange_Passes");
        yield return new TestCaseData(Predicates.GenerationChanged<V1ConfigMap>(), baseline, Obj(1, "z", "y", "11"), false).SetName("GenerationChanged_StatusOrLabelOnly_Filtered");
        yield return new TestCaseData(Predicates.LabelsChanged<V1ConfigMap>(), baseline, Obj(1, "z", "y", "11"), true).SetName("LabelsChanged_LabelChange_Passes");
        yield return new TestCaseData(Predicates.LabelsChanged<V1ConfigMap>(), baseline, Obj(2, "x", "q", "11"), false).SetName("LabelsChanged_OtherChange_Filtered");
        yield return new TestCaseData(Predicates.AnnotationsChanged<V1ConfigMap>(), baseline, Obj(1, "x", "q", "11"), true).SetName("AnnotationsChanged_AnnotationChange_Passes");
        yield return new TestCaseData(Predicates.AnnotationsChanged<V1ConfigMap>(), baseline, Obj(1, "z", "y", "11"), false).SetName("AnnotationsChanged_LabelChange_Filtered");
        yield return new TestCaseData(Predicates.ResourceVersionChanged<V1ConfigMap>(), baseline, Obj(1, "x", "y", "10"), false).SetName("ResourceVersionChanged_Resync_Filtered");
        yield return new TestCaseData(Predicates.Or(Predicates.GenerationChanged<V1ConfigMap>(), Predicates.LabelsChanged<V1ConfigMap>()), baseline, Obj(1, "z", "y", "11"), true).SetName("Or_EitherPasses_Passes");
    }

    [TestCaseSource(nameof(UpdateCases))]
    public void AllowUpdate_Table(EventPredicate<V1ConfigMap> predicate, V1ConfigMap oldObj, V1ConfigMap newObj, bool expected)
    {
        var allowed = predicate.AllowUpdate(oldObj, newObj);

        Assert.That(allowed, Is.EqualTo(expected));
    }

    [Test]
    public void GenerationChanged_CreateAndDelete_AlwaysPass()
    {
        var predicate = Predicates.GenerationChanged<V1ConfigMap>();
        var obj = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } };

        Assert.That(predicate.AllowCreate(obj) && predicate.AllowDelete(obj), Is.True);
    }
}
