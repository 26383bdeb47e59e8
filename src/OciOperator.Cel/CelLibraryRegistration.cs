using OciOperator.Cel.Extensions;
using OciOperator.Cel.Library;

namespace OciOperator.Cel;

/// <summary>Registers the extension libraries a <see cref="CelLibraries"/> selection enables.</summary>
internal static class CelLibraryRegistration
{
    public static void Register(FunctionRegistry r, CelLibraries libraries)
    {
        BindingsLibrary.Register(r);
        if (libraries.HasFlag(CelLibraries.Strings))
        {
            StringsLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.Math))
        {
            MathLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.Encoders))
        {
            EncodersLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.Optionals))
        {
            OptionalsLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.Lists))
        {
            ListsLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.Kubernetes))
        {
            KubernetesListsLibrary.Register(r);
            KubernetesRegexLibrary.Register(r);
            KubernetesQuantityLibrary.Register(r);
            KubernetesUrlLibrary.Register(r);
            NetworkLibrary.Register(r);
            KubernetesSemverLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.Sets))
        {
            SetsLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.Kro))
        {
            KroLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.KroOmit))
        {
            KroOmitLibrary.Register(r);
        }

        if (libraries.HasFlag(CelLibraries.KroRuntime))
        {
            KroRuntimeLibrary.Register(r);
        }
    }
}
