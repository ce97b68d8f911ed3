using System.Linq.Expressions;
using System.Reflection;
using Verify.Symbolic.Core;
using static System.Linq.Expressions.Expression;
using Expr = Verify.Symbolic.Core.Expr;
using Node = Verify.Symbolic.Numbers.CompilationPlan.Node;
using Scope = Verify.Symbolic.Numbers.CompilationPlan.Scope;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// Compiles expressions to delegates (System.Linq.Expressions) that compute exactly what
/// <see cref="Evaluator"/> computes, in the same order of operations, but without walking the
/// tree: argument i is the value of parameters[i]. Structurally equal sub-trees are computed
/// once; functions are resolved and free symbols checked at compile time.
/// </summary>
public static class Compiler
{
    /// <param name="reuseUnchanged">Keep, between calls, every costly value that depends on no
    /// function from the table, and read it back while its inputs are bit for bit those of the last
    /// completed call (the same number, not computed again). For delegates called in loops that
    /// move a few inputs at a time.</param>
    public static Func<double[], double> Compile(Expr e, IReadOnlyList<Symbol> parameters, FunctionTable? functions = null, bool reuseUnchanged = false)
    {
        ArgumentNullException.ThrowIfNull(e);
        var plan = new CompilationPlan([StableForms.Rewrite(e)], parameters, functions ?? FunctionTable.Empty);
        var emitter = new Emitter(plan, reuseUnchanged);
        var result = Variable(typeof(double), "result");
        var body = emitter.EmitTop(outputs => [Assign(result, outputs[0]())], [result], result);
        return Lambda<Func<double[], double>>(body, emitter.Arguments).Compile();
    }

    /// <summary>
    /// One delegate for several outputs: it writes es[i]'s value to results[i]. Sub-trees
    /// shared between outputs are computed once per call.
    /// </summary>
    public static Action<double[], double[]> CompileMany(IReadOnlyList<Expr> es, IReadOnlyList<Symbol> parameters, FunctionTable? functions = null, bool reuseUnchanged = false)
    {
        var plan = new CompilationPlan(es.Select(StableForms.Rewrite).ToList(), parameters, functions ?? FunctionTable.Empty);
        var emitter = new Emitter(plan, reuseUnchanged);
        var results = Parameter(typeof(double[]), "results");
        var body = emitter.EmitTop(outputs =>
        [
            Call(Method(nameof(CompiledMath.CheckResults)), results, Constant(outputs.Count)),
            .. outputs.Select((value, i) => Assign(ArrayAccess(results, Constant(i)), value())),
        ], [], Empty());
        return Lambda<Action<double[], double[]>>(body, emitter.Arguments, results).Compile();
    }

    static MethodInfo Method(string name) => typeof(CompiledMath).GetMethod(name)!;

    sealed class Emitter
    {
        static readonly MethodInfo RealPow = typeof(Evaluator).GetMethod(nameof(Evaluator.RealPow))!;
        static readonly MethodInfo Quadrature = typeof(Evaluator).GetMethod(nameof(Evaluator.Quadrature))!;
        static readonly MethodInfo MathExp = typeof(Math).GetMethod(nameof(Math.Exp), [typeof(double)])!;
        static readonly MethodInfo MathAbs = typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!;

        readonly CompilationPlan plan;
        public ParameterExpression Arguments { get; } = Parameter(typeof(double[]), "args");
        readonly ParameterExpression?[] _parameterLocals;
        readonly Dictionary<Scope, ParameterExpression> _variables = [];
        readonly Dictionary<Node, ParameterExpression> _locals = [];

        // Reuse of values whose inputs did not change (null when not asked for or not possible).
        readonly UnchangedInputs? _memo;
        readonly ParameterExpression _state = Variable(typeof(UnchangedInputs.State), "state");
        readonly ParameterExpression _changed = Variable(typeof(ulong), "changed");
        readonly ParameterExpression _kept = Variable(typeof(double[]), "kept");
        readonly ParameterExpression _last = Variable(typeof(double[]), "last");
        int _keptCount;

        public Emitter(CompilationPlan plan, bool reuseUnchanged)
        {
            this.plan = plan;
            _parameterLocals = new ParameterExpression?[plan.ParameterCount];
            if (reuseUnchanged && plan.ParameterCount <= UnchangedInputs.MaxInputs)
            {
                var kept = plan.Top.Order.Count(Kept);
                if (kept > 0) _memo = new UnchangedInputs(plan.ParameterCount, kept);
            }
        }

        /// <summary>
        /// A value worth keeping between calls: of the top scope, costly (or read more than once),
        /// and a function of the inputs alone (a table function may keep state of its own).
        /// </summary>
        static bool Worth(Node n) => n.Pure && n.Expr is not (Number or Symbol)
            && (n.NeedsLocal || n.Expr is Core.Power or Log or Exponential or Core.Call or Integral);

        bool Kept(Node n) => n.Home == plan.Top && Worth(n);

        /// <summary>
        /// The whole body: check and load the arguments, compute the top scope's shared values,
        /// then the statements <paramref name="finish"/> makes from the outputs (each output is
        /// built on demand, so an inline output is built exactly once), then <paramref name="value"/>.
        /// </summary>
        public Expression EmitTop(Func<IReadOnlyList<Func<Expression>>, IEnumerable<Expression>> finish,
            IEnumerable<ParameterExpression> extraVariables, Expression value)
        {
            var vars = new List<ParameterExpression>();
            var statements = new List<Expression>();
            for (int i = 0; i < plan.ParameterCount; i++)
            {
                if (!plan.ParameterUsed[i]) continue;
                var local = Variable(typeof(double), $"p{i}");
                _parameterLocals[i] = local;
                vars.Add(local);
                statements.Add(Assign(local, ArrayIndex(Arguments, Constant(i))));
            }
            if (_memo is not null) statements.AddRange(CompareWithLast(vars));
            EmitScope(plan.Top, vars, statements);
            statements.AddRange(finish(plan.Outputs.Select(n => (Func<Expression>)(() => Ref(n))).ToList()));
            var check = Call(Method(nameof(CompiledMath.CheckArguments)), Arguments, Constant(plan.ParameterCount));
            if (_memo is null) return Block([.. extraVariables, .. vars], [check, .. statements, value]);
            statements.AddRange(RememberInputs());
            var take = Assign(_state, Call(Constant(_memo), typeof(UnchangedInputs).GetMethod(nameof(UnchangedInputs.Take), BindingFlags.NonPublic | BindingFlags.Instance)!));
            var release = Call(Constant(_memo), typeof(UnchangedInputs).GetMethod(nameof(UnchangedInputs.Release), BindingFlags.NonPublic | BindingFlags.Instance)!, _state);
            return Block([_state, .. extraVariables], check, take, TryFinally(Block(typeof(void), vars, statements), release), value);
        }

        /// <summary>Sets a bit of <c>changed</c> for each input used whose bits differ from the last completed call's (every bit if there was none), and marks the state incomplete.</summary>
        IEnumerable<Expression> CompareWithLast(List<ParameterExpression> vars)
        {
            vars.AddRange([_changed, _kept, _last]);
            var valid = Field(_state, nameof(UnchangedInputs.State.Valid));
            yield return Assign(_kept, Field(_state, nameof(UnchangedInputs.State.Values)));
            yield return Assign(_last, Field(_state, nameof(UnchangedInputs.State.Last)));
            yield return Assign(_changed, Condition(valid, Constant(0UL), Constant(ulong.MaxValue)));
            yield return Assign(valid, Constant(false));
            var bits = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits))!;
            for (int i = 0; i < plan.ParameterCount; i++)
                if (_parameterLocals[i] is { } p)
                    yield return IfThen(NotEqual(Call(bits, p), Call(bits, ArrayIndex(_last, Constant(i)))),
                        OrAssign(_changed, Constant(1UL << i)));
        }

        /// <summary>Records the inputs used as the last completed call's.</summary>
        IEnumerable<Expression> RememberInputs()
        {
            for (int i = 0; i < plan.ParameterCount; i++)
                if (_parameterLocals[i] is { } p) yield return Assign(ArrayAccess(_last, Constant(i)), p);
            yield return Assign(Field(_state, nameof(UnchangedInputs.State.Valid)), Constant(true));
        }

        /// <summary>Assigns, in dependency order, every value of the scope that is kept in a local.</summary>
        void EmitScope(Scope scope, List<ParameterExpression> vars, List<Expression> statements)
        {
            foreach (var node in scope.Order)
            {
                var keep = _memo is not null && Kept(node);
                if (!node.NeedsLocal && !keep) continue;
                var value = Build(node);
                if (keep)
                {
                    // Computed again only when one of its inputs changed; else the number the last call left.
                    var slot = ArrayAccess(_kept, Constant(_keptCount++));
                    value = Condition(NotEqual(And(_changed, Constant(node.Inputs | UnchangedInputs.NothingKept)), Constant(0UL)), Assign(slot, value), slot);
                }
                var local = Variable(typeof(double), $"v{_locals.Count}");
                _locals[node] = local;
                vars.Add(local);
                statements.Add(Assign(local, value));
            }
        }

        Expression Ref(Node n) => n.Expr switch
        {
            Number num => Constant(num.Value.ToDouble()),
            Symbol => n.Home == plan.Top ? _parameterLocals[n.ParameterIndex]! : _variables[n.Home],
            _ when _locals.TryGetValue(n, out var local) => local,
            _ when n.NeedsLocal => throw new InvalidOperationException("compiler: a shared value was read before it was computed"),
            _ => Build(n),
        };

        Expression Build(Node n)
        {
            var kids = n.Kids;
            switch (n.Expr)
            {
                case Sum:
                    // The walker starts from 0.0 (which turns -0.0 into +0.0); so do we.
                    Expression total = Constant(0.0);
                    foreach (var k in kids) total = Add(total, Ref(k));
                    return total;
                case Product:
                    // 1.0 * x == x bit for bit, so the walker's leading 1.0 needs no counterpart.
                    var product = Ref(kids[0]);
                    foreach (var k in kids.Skip(1)) product = Multiply(product, Ref(k));
                    return product;
                case Core.Power: return Call(RealPow, Ref(kids[0]), Ref(kids[1]));
                case Log: return Call(Method(nameof(CompiledMath.Ln)), Ref(kids[0]));
                case Exponential: return Call(MathExp, Ref(kids[0]));
                case Core.Call c: return BuildCall(n, c);
                case Integral i: return BuildIntegral(n, i);
                default: throw new NotSupportedException(n.Expr.GetType().Name);
            }
        }

        Expression BuildCall(Node n, Core.Call c)
        {
            var args = n.Kids.Select(Ref).ToList();
            if (n.Function is { } f)
                return Invoke(Constant(f), NewArrayInit(typeof(double), args));
            switch (c.Name)
            {
                case "abs": return Call(MathAbs, args[0]);
                case "erf": return Call(typeof(SpecialFunctions).GetMethod(nameof(SpecialFunctions.Erf))!, args[0]);
                case "tgamma": return Call(typeof(SpecialFunctions).GetMethod(nameof(SpecialFunctions.Gamma))!, args[0]);
                case "digamma": return Call(typeof(SpecialFunctions).GetMethod(nameof(SpecialFunctions.Digamma))!, args[0]);
                case "gammainc": return Call(typeof(SpecialFunctions).GetMethod(nameof(SpecialFunctions.GammaInc))!, args[0], args[1]);
                case StableForms.Erfc: return Call(typeof(SpecialFunctions).GetMethod(nameof(SpecialFunctions.Erfc))!, args[0]);
                case StableForms.ErfDifference: return Call(typeof(SpecialFunctions).GetMethod(nameof(SpecialFunctions.ErfDifference))!, args[0], args[1]);
                case "max": return args.Skip(1).Aggregate(args[0], (acc, x) => Call(Method(nameof(CompiledMath.MaxStep)), acc, x));
                case "min": return args.Skip(1).Aggregate(args[0], (acc, x) => Call(Method(nameof(CompiledMath.MinStep)), acc, x));
                default: throw new NotSupportedException($"built-in '{c.Name}' has no compiled form");
            }
        }

        /// <summary>Evaluator.Quadrature over the integrand as a nested lambda of the integration variable.</summary>
        Expression BuildIntegral(Node n, Integral i)
        {
            var scope = n.BodyScope!;
            var t = Parameter(typeof(double), i.Variable.Name);
            _variables[scope] = t;
            var vars = new List<ParameterExpression>();
            var statements = new List<Expression>();
            EmitScope(scope, vars, statements);
            statements.Add(Ref(n.Kids[0]));
            var integrand = Lambda<Func<double, double>>(Block(vars, statements), t);
            return Call(Quadrature, integrand, Ref(n.Kids[1]), Ref(n.Kids[2]));
        }
    }
}
