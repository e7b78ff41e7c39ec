namespace Otp.Crdts.Causality;

/// <summary>Helpers shared by the causal types.</summary>
public static class Causal
{
    /// <summary>The join of two (store, context) pairs: the stores joined by the dot rule, the contexts united.</summary>
    public static (DotStore Store, CausalContext Context) Join(DotStore a, CausalContext ca, DotStore b, CausalContext cb) =>
        (a.Join(ca, b, cb), ca.Merge(cb));
}
