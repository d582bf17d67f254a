using System.Collections.Generic;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.Core.Engine
{
    /// <summary>Gathers, over all paths of a function, the facts its <see cref="FunctionSummary"/> is made of.</summary>
    internal sealed class SummaryCollector
    {
        private readonly FunctionIr _function;
        private ResourceFamily? _returnedFamily;
        private string? _returnedApi;
        private bool _returnsNull;
        private bool _returnsError;
        private bool _returnsOther;

        public SummaryCollector(FunctionIr function)
        {
            _function = function;
            Summary = new FunctionSummary(function.Name);
        }

        public FunctionSummary Summary { get; }

        public void ParameterReleased(int index, string by) => Summary.Releases[index] = by;
        public void ParameterKept(int index) => Summary.Keeps.Add(index);
        public void ParameterMayBeKept(int index) => Summary.MayKeep.Add(index);

        public void Returned(SymbolicValue? value, Resource? resource)
        {
            if (resource is not null && resource.ParameterIndex is null && resource.Family is not null)
            {
                _returnedFamily ??= resource.Family;
                _returnedApi ??= resource.Api;
                return;
            }
            switch (value)
            {
                case SymbolicValue.Null: _returnsNull = true; break;
                case SymbolicValue.Integer i when i.Value == 0: _returnsNull = true; break;
                case SymbolicValue.ErrorPointer: _returnsError = true; break;
                default: _returnsOther = true; break;
            }
        }

        /// <summary>Completes the summary: a function that returns a fresh reference on some path and otherwise only failures acquires.</summary>
        public FunctionSummary Finish()
        {
            if (_returnedFamily is not null && _function.ReturnsPointer && !_returnsOther)
            {
                var failure = (_returnsNull, _returnsError) switch
                {
                    (true, true) => FailureSignal.NullOrErrorPointer,
                    (false, true) => FailureSignal.ErrorPointer,
                    // A wrapper that forwards its allocator's result fails the same way the allocator does.
                    _ => FailureSignal.NullOrErrorPointer,
                };
                Summary.Returns = new AcquireSpec(_function.Name, _returnedFamily, ResourceLocation.Return, failure);
            }
            return Summary;
        }
    }
}
