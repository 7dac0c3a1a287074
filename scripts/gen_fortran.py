#!/usr/bin/env python3
"""Generates include/lapis.f90, the Fortran 2008 module `lapis`, from the
tables below (one specific procedure per kind and rank, bound to generic
names, the way FFTW generates its Fortran interfaces).

    python3 scripts/gen_fortran.py            writes include/lapis.f90
    python3 scripts/gen_fortran.py --check    exits 1 if include/lapis.f90 differs

tests/fortran/Makefile runs --check, so the checked-in module cannot drift
from this generator.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "include", "lapis.f90")

# kind letter -> (Fortran type, lapis dtype code, element bytes, real type of the same precision, is complex)
KINDS = {
    "s": ("real(c_float)", 1, 4, "real(c_float)", False),
    "d": ("real(c_double)", 2, 8, "real(c_double)", False),
    "c": ("complex(c_float_complex)", 3, 8, "real(c_float)", True),
    "z": ("complex(c_double_complex)", 4, 16, "real(c_double)", True),
}
RANKS = [1, 2, 3, 4]
REALKIND = {"s": "c_float", "d": "c_double", "c": "c_float", "z": "c_double"}
CPLXKIND = {"c": "c_float_complex", "z": "c_double_complex"}
REALOF = {"s": "s", "d": "d", "c": "s", "z": "d"}

# The ufunc and reduction wrappers call lapis_add_out, lapis_sum_all, ...
# (branch ffi-ufunc), which are not in this branch's library yet (the
# module would not link): switch this on once they are merged.
UFUNCS = True


def dims(r):
    return "(" + ",".join([":"] * r) + ")"


def idx(r, d=None):
    """Index (1,1,...) with 2 in position d."""
    return "(" + ",".join("2" if i == d else "1" for i in range(r)) + ")"


def to_c(k, v):
    """Fortran expression converting scalar v of kind k to type(lapis_complex128)."""
    return f"to_c128({v})"


def from_c(k, v):
    if KINDS[k][4]:
        return f"cmplx({v}%re, {v}%im, kind={CPLXKIND[k]})"
    return f"real({v}%re, {REALKIND[k]})"


STAT_DECL = [
    "integer, intent(out), optional :: stat",
    "character(*), intent(inout), optional :: errmsg",
]


class Proc:
    """One specific subroutine: arguments, declarations, a chain of status steps."""

    def __init__(self, name, args, decls, handles, steps, post=(), pre=(), where=None, locals_=()):
        self.name = name
        self.args = list(args) + ["stat", "errmsg"]
        self.decls = list(decls) + STAT_DECL
        self.handles = handles
        self.steps = steps
        self.post = list(post)
        self.pre = list(pre)
        self.where = where
        self.locals = list(locals_)

    def render(self):
        out = [f"  subroutine {self.name}({', '.join(self.args)})"]
        out += ["    " + d for d in self.decls]
        if self.handles:
            out.append("    type(c_ptr) :: " + ", ".join(self.handles))
        out += ["    " + d for d in self.locals]
        out.append("    integer(c_int32_t) :: st")
        for h in self.handles:
            out.append(f"    {h} = c_null_ptr")
        out += ["    " + p for p in self.pre]
        first = True
        for s in self.steps:
            if first and not self.pre:
                out.append(f"    {s}")
            elif s.startswith("if ("):
                out += ["    if (st == 0) then", f"      {s}", "    end if"]
            else:
                out.append(f"    if (st == 0) {s}")
            first = False
        out += ["    " + p for p in self.post]
        for h in self.handles:
            out.append(f"    call release({h})")
        out.append(f"    call check(st, '{self.where}', stat, errmsg)")
        out.append(f"  end subroutine {self.name}")
        return "\n".join(out)


generics = {}  # public generic name -> [specific names]
procs = []


def add(generic, proc):
    generics.setdefault(generic, []).append(proc.name)
    procs.append(proc)


def T(k):
    return KINDS[k][0]


def RT(k):
    return KINDS[k][3]


# ---------------------------------------------------------------- wrapping
wrap_funcs = []
for k in KINDS:
    for r in RANKS:
        t, code, size, _, _ = KINDS[k]
        lines = [
            f"  function wrap_{k}{r}(a, readonly, h) result(st)",
            f"    {t}, intent(in), target :: a{dims(r)}",
            "    logical, intent(in) :: readonly",
            "    type(c_ptr), intent(out) :: h",
            "    integer(c_int32_t) :: st",
            f"    integer(c_int64_t) :: shp({r}), strd({r})",
            "    integer(c_intptr_t) :: first",
            "    h = c_null_ptr",
            "    first = 0",
            "    shp = shape(a, kind=c_int64_t)",
            f"    call contiguous_strides(shp, {size}_c_int64_t, strd)",
            "    if (size(a) > 0) then",
            f"      first = transfer(c_loc(a{idx(r)}), first)",
        ]
        for d in range(r):
            lines.append(
                f"      if (shp({d + 1}) > 1) strd({d + 1}) = "
                f"int(transfer(c_loc(a{idx(r, d)}), first) - first, c_int64_t)"
            )
        lines += [
            "    end if",
            f"    st = wrap_any(first, {size}_c_int64_t, {code}_c_int32_t, shp, strd, readonly, h)",
            f"  end function wrap_{k}{r}",
        ]
        wrap_funcs.append("\n".join(lines))

        add("lapis_wrap", Proc(
            f"lapis_wrap_{k}{r}", ["a", "arr", "readonly"],
            [f"{t}, intent(inout), target :: a{dims(r)}",
             "type(lapis_array_t), intent(inout) :: arr",
             "logical, intent(in), optional :: readonly"],
            ["h"],
            [f"st = wrap_{k}{r}(a, ro, h)"],
            pre=["ro = .false.", "if (present(readonly)) ro = readonly", "call arr%free()",
                 f"st = wrap_{k}{r}(a, ro, h)", "if (st == 0) then", "  arr%h = h", "  h = c_null_ptr", "end if"],
            where="lapis_wrap", locals_=["logical :: ro"]))
        procs[-1].steps = []

# ---------------------------------------------------------------- BLAS
for k in KINDS:
    t = T(k)
    add("lapis_gemm", Proc(
        f"lapis_gemm_{k}", ["transa", "transb", "alpha", "a", "b", "beta", "c"],
        ["character, intent(in) :: transa, transb", f"{t}, intent(in) :: alpha, beta",
         f"{t}, intent(in), target :: a(:,:), b(:,:)", f"{t}, intent(inout), target :: c(:,:)"],
        ["ha", "hb", "hc"],
        ["st = trans_code(transa, ta)", "st = trans_code(transb, tb)",
         f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(b, .true., hb)", f"st = wrap_{k}2(c, .false., hc)",
         f"st = c_gemm(ta, tb, {to_c(k, 'alpha')}, ha, hb, {to_c(k, 'beta')}, hc)"],
        where="lapis_gemm", locals_=["integer(c_int32_t) :: ta, tb"]))
    add("lapis_gemv", Proc(
        f"lapis_gemv_{k}", ["trans", "alpha", "a", "x", "beta", "y"],
        ["character, intent(in) :: trans", f"{t}, intent(in) :: alpha, beta",
         f"{t}, intent(in), target :: a(:,:), x(:)", f"{t}, intent(inout), target :: y(:)"],
        ["ha", "hx", "hy"],
        ["st = trans_code(trans, ta)",
         f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}1(x, .true., hx)", f"st = wrap_{k}1(y, .false., hy)",
         f"st = c_gemv(ta, {to_c(k, 'alpha')}, ha, hx, {to_c(k, 'beta')}, hy)"],
        where="lapis_gemv", locals_=["integer(c_int32_t) :: ta"]))
    add("lapis_axpy", Proc(
        f"lapis_axpy_{k}", ["alpha", "x", "y"],
        [f"{t}, intent(in) :: alpha", f"{t}, intent(in), target :: x(:)", f"{t}, intent(inout), target :: y(:)"],
        ["hx", "hy"],
        [f"st = wrap_{k}1(x, .true., hx)", f"st = wrap_{k}1(y, .false., hy)",
         f"st = c_axpy({to_c(k, 'alpha')}, hx, hy)"],
        where="lapis_axpy"))
    add("lapis_scal", Proc(
        f"lapis_scal_{k}", ["alpha", "x"],
        [f"{t}, intent(in) :: alpha", f"{t}, intent(inout), target :: x(:)"],
        ["hx"],
        [f"st = wrap_{k}1(x, .false., hx)", f"st = c_scal({to_c(k, 'alpha')}, hx)"],
        where="lapis_scal"))
    for nm in ("dot", "dotc"):
        add(f"lapis_{nm}", Proc(
            f"lapis_{nm}_{k}", ["x", "y", "res"],
            [f"{t}, intent(in), target :: x(:), y(:)", f"{t}, intent(inout) :: res"],
            ["hx", "hy"],
            [f"st = wrap_{k}1(x, .true., hx)", f"st = wrap_{k}1(y, .true., hy)", f"st = c_{nm}(hx, hy, v)"],
            post=[f"if (st == 0) res = {from_c(k, 'v')}"],
            where=f"lapis_{nm}", locals_=["type(lapis_complex128) :: v"]))
    add("lapis_syrk", Proc(
        f"lapis_syrk_{k}", ["uplo", "trans", "alpha", "a", "beta", "c"],
        ["character, intent(in) :: uplo, trans", f"{t}, intent(in) :: alpha, beta",
         f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout), target :: c(:,:)"],
        ["ha", "hc"],
        ["st = uplo_code(uplo, ul)", "st = trans_code(trans, ta)",
         f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(c, .false., hc)",
         f"st = c_syrk(ul, ta, {to_c(k, 'alpha')}, ha, {to_c(k, 'beta')}, hc)"],
        where="lapis_syrk", locals_=["integer(c_int32_t) :: ul, ta"]))
    if KINDS[k][4]:
        add("lapis_herk", Proc(
            f"lapis_herk_{k}", ["uplo", "trans", "alpha", "a", "beta", "c"],
            ["character, intent(in) :: uplo, trans", f"{RT(k)}, intent(in) :: alpha, beta",
             f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout), target :: c(:,:)"],
            ["ha", "hc"],
            ["st = uplo_code(uplo, ul)", "st = trans_code(trans, ta)",
             f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(c, .false., hc)",
             "st = c_herk(ul, ta, real(alpha, c_double), ha, real(beta, c_double), hc)"],
            where="lapis_herk", locals_=["integer(c_int32_t) :: ul, ta"]))

# ---------------------------------------------------------------- linalg
UPLO_OPT = ["character, intent(in), optional :: uplo"]
UPLO_PRE = ["ch = 'L'", "if (present(uplo)) ch = uplo", "st = uplo_code(ch, ul)"]
for k in KINDS:
    t, rt, rk = T(k), RT(k), REALOF[k]
    for rb in (1, 2):
        add("lapis_solve", Proc(
            f"lapis_solve_{k}{rb}", ["a", "b", "x"],
            [f"{t}, intent(in), target :: a(:,:), b{dims(rb)}", f"{t}, intent(inout), target :: x{dims(rb)}"],
            ["ha", "hb", "hr", "hx"],
            [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}{rb}(b, .true., hb)",
             f"st = wrap_{k}{rb}(x, .false., hx)", "st = c_solve(ha, hb, hr)", "st = copy_out(hr, hx)"],
            where="lapis_solve"))
        add("lapis_lstsq", Proc(
            f"lapis_lstsq_{k}{rb}", ["a", "b", "x", "rank", "rcond"],
            [f"{t}, intent(in), target :: a(:,:), b{dims(rb)}", f"{t}, intent(inout), target :: x{dims(rb)}",
             "integer, intent(out), optional :: rank", "real(c_double), intent(in), optional :: rcond"],
            ["ha", "hb", "hx", "hr", "hres", "hs"],
            [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}{rb}(b, .true., hb)",
             f"st = wrap_{k}{rb}(x, .false., hx)",
             "st = c_lstsq(ha, hb, rc, hr, hres, rk, hs)", "st = copy_out(hr, hx)"],
            pre=["rc = -1.0_c_double", "if (present(rcond)) rc = rcond", "rk = 0", "st = 0"],
            post=["if (st == 0 .and. present(rank)) rank = int(rk)"],
            where="lapis_lstsq", locals_=["real(c_double) :: rc", "integer(c_int64_t) :: rk"]))
    add("lapis_inv", Proc(
        f"lapis_inv_{k}", ["a", "ainv"],
        [f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout), target :: ainv(:,:)"],
        ["ha", "hr", "hx"],
        [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(ainv, .false., hx)",
         "st = c_inv(ha, hr)", "st = copy_out(hr, hx)"],
        where="lapis_inv"))
    add("lapis_det", Proc(
        f"lapis_det_{k}", ["a", "det"],
        [f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout) :: det"],
        ["ha"],
        [f"st = wrap_{k}2(a, .true., ha)", "st = c_det_scalar(ha, v)"],
        post=[f"if (st == 0) det = {from_c(k, 'v')}"],
        where="lapis_det", locals_=["type(lapis_complex128) :: v"]))
    add("lapis_cholesky", Proc(
        f"lapis_cholesky_{k}", ["a", "l", "uplo"],
        [f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout), target :: l(:,:)"] + UPLO_OPT,
        ["ha", "hr", "hx"],
        [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(l, .false., hx)",
         "st = c_cholesky(ha, ul, hr)", "st = copy_out(hr, hx)"],
        pre=UPLO_PRE, where="lapis_cholesky", locals_=["character :: ch", "integer(c_int32_t) :: ul"]))
    add("lapis_eigh", Proc(
        f"lapis_eigh_{k}", ["a", "w", "v", "uplo"],
        [f"{t}, intent(in), target :: a(:,:)", f"{rt}, intent(inout), target :: w(:)",
         f"{t}, intent(inout), target, optional :: v(:,:)"] + UPLO_OPT,
        ["ha", "hw", "hv", "hxw", "hxv"],
        [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{rk}1(w, .false., hxw)",
         f"if (present(v)) st = wrap_{k}2(v, .false., hxv)",
         "st = c_eigh(ha, ul, hw, hv)", "st = copy_out(hw, hxw)",
         "then\n      if (present(v)) st = copy_out(hv, hxv)\n    end if"],
        pre=UPLO_PRE, where="lapis_eigh", locals_=["character :: ch", "integer(c_int32_t) :: ul"]))
    add("lapis_eigh_generalized", Proc(
        f"lapis_eigh_generalized_{k}", ["h", "s", "w", "x", "uplo"],
        [f"{t}, intent(in), target :: h(:,:), s(:,:)", f"{rt}, intent(inout), target :: w(:)",
         f"{t}, intent(inout), target, optional :: x(:,:)"] + UPLO_OPT,
        ["hh", "hs", "hw", "hv", "hxw", "hxv"],
        [f"st = wrap_{k}2(h, .true., hh)", f"st = wrap_{k}2(s, .true., hs)", f"st = wrap_{rk}1(w, .false., hxw)",
         f"if (present(x)) st = wrap_{k}2(x, .false., hxv)",
         "st = c_eigh_generalized(hh, hs, ul, hw, hv)", "st = copy_out(hw, hxw)",
         "then\n      if (present(x)) st = copy_out(hv, hxv)\n    end if"],
        pre=UPLO_PRE, where="lapis_eigh_generalized", locals_=["character :: ch", "integer(c_int32_t) :: ul"]))
    add("lapis_svd", Proc(
        f"lapis_svd_{k}", ["a", "s", "u", "vt", "full_matrices"],
        [f"{t}, intent(in), target :: a(:,:)", f"{rt}, intent(inout), target :: s(:)",
         f"{t}, intent(inout), target, optional :: u(:,:), vt(:,:)",
         "logical, intent(in), optional :: full_matrices"],
        ["ha", "hu", "hs", "hv", "hxs", "hxu", "hxv"],
        [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{rk}1(s, .false., hxs)",
         f"if (present(u)) st = wrap_{k}2(u, .false., hxu)",
         f"if (present(vt)) st = wrap_{k}2(vt, .false., hxv)",
         "st = c_svd(ha, logical(full, c_bool), logical(present(u) .or. present(vt), c_bool), hu, hs, hv)",
         "st = copy_out(hs, hxs)",
         "then\n      if (present(u)) st = copy_out(hu, hxu)\n    end if",
         "then\n      if (present(vt)) st = copy_out(hv, hxv)\n    end if"],
        pre=["full = .false.", "if (present(full_matrices)) full = full_matrices", "st = 0"],
        where="lapis_svd", locals_=["logical :: full"]))

# ---------------------------------------------------------------- ufuncs, reductions
if UFUNCS:
    for k in KINDS:
        t, rt, rk = T(k), RT(k), REALOF[k]
        for r in RANKS:
            for op in ("add", "subtract", "multiply", "divide"):
                add(f"lapis_{op}", Proc(
                    f"lapis_{op}_{k}{r}", ["x", "y", "out"],
                    [f"{t}, intent(in), target :: x{dims(r)}, y{dims(r)}", f"{t}, intent(inout), target :: out{dims(r)}"],
                    ["hx", "hy", "ho"],
                    [f"st = wrap_{k}{r}(x, .true., hx)", f"st = wrap_{k}{r}(y, .true., hy)",
                     f"st = wrap_{k}{r}(out, .false., ho)", f"st = c_{op}_out(hx, hy, ho)"],
                    where=f"lapis_{op}"))
            for op, cname, ok in (("exp", "exp", k), ("sqrt", "sqrt", k), ("abs", "absolute", rk)):
                add(f"lapis_{op}", Proc(
                    f"lapis_{op}_{k}{r}", ["x", "out"],
                    [f"{t}, intent(in), target :: x{dims(r)}", f"{T(ok)}, intent(inout), target :: out{dims(r)}"],
                    ["hx", "ho"],
                    [f"st = wrap_{k}{r}(x, .true., hx)", f"st = wrap_{ok}{r}(out, .false., ho)",
                     f"st = c_{cname}_out(hx, ho)"],
                    where=f"lapis_{op}"))
            for op in ("sum", "mean", "max", "min"):
                if op in ("max", "min") and KINDS[k][4]:
                    continue
                add(f"lapis_{op}", Proc(
                    f"lapis_{op}_{k}{r}", ["x", "res"],
                    [f"{t}, intent(in), target :: x{dims(r)}", f"{t}, intent(inout) :: res"],
                    ["hx"],
                    [f"st = wrap_{k}{r}(x, .true., hx)", f"st = c_{op}_all(hx, v)"],
                    post=[f"if (st == 0) res = {from_c(k, 'v')}"],
                    where=f"lapis_{op}", locals_=["type(lapis_complex128) :: v"]))
            add("lapis_norm", Proc(
                f"lapis_norm_{k}{r}", ["x", "res"],
                [f"{t}, intent(in), target :: x{dims(r)}", f"{rt}, intent(inout) :: res"],
                ["hx"],
                [f"st = wrap_{k}{r}(x, .true., hx)", "st = c_norm(hx, 0_c_int32_t, 0.0_c_double, v)"],
                post=[f"if (st == 0) res = real(v, {REALKIND[k]})"],
                where="lapis_norm", locals_=["real(c_double) :: v"]))

# ---------------------------------------------------------------- FFT
FFT_RANKS = [1, 2, 3]
FFT_OPT = ["integer, intent(in), optional :: dim", "character(*), intent(in), optional :: norm"]
for k in ("c", "z"):
    t, rk = T(k), REALOF[k]
    tr = T(rk)
    for r in FFT_RANKS:
        # 1-D transforms along `dim`; the length n is the one the output
        # (fft, ifft, irfft) or the input (rfft) has along `dim`.
        for op, xt, yt, xk, yk, nsrc in (
            ("fft", t, t, k, k, "y"), ("ifft", t, t, k, k, "y"),
            ("rfft", tr, t, rk, k, "x"), ("irfft", t, tr, k, rk, "y"),
        ):
            add(f"lapis_{op}", Proc(
                f"lapis_{op}_{k}{r}", ["x", "y", "dim", "norm"],
                [f"{xt}, intent(in), target :: x{dims(r)}", f"{yt}, intent(inout), target :: y{dims(r)}"] + FFT_OPT,
                ["hx", "hy"],
                [f"st = wrap_{xk}{r}(x, .true., hx)", f"st = wrap_{yk}{r}(y, .false., hy)",
                 f"st = c_fft_{op}_out(hx, int(size({nsrc}, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)"],
                pre=["d = 1", "if (present(dim)) d = dim", f"st = dim_check(d, {r})",
                     "if (st == 0) st = norm_code(norm, nc)"],
                where=f"lapis_{op}", locals_=["integer :: d", "integer(c_int32_t) :: nc"]))
        # n-d transforms over every dimension, same shape in and out.
        for op in ("fftn", "ifftn"):
            add(f"lapis_{op}", Proc(
                f"lapis_{op}_{k}{r}", ["x", "y", "norm"],
                [f"{t}, intent(in), target :: x{dims(r)}", f"{t}, intent(inout), target :: y{dims(r)}",
                 "character(*), intent(in), optional :: norm"],
                ["hx", "hy"],
                [f"st = wrap_{k}{r}(x, .true., hx)", f"st = wrap_{k}{r}(y, .false., hy)",
                 f"st = c_fft_{op}_out(hx, -1_c_int64_t, c_null_ptr, -1_c_int64_t, c_null_ptr, nc, hy)"],
                pre=["st = norm_code(norm, nc)"],
                where=f"lapis_{op}", locals_=["integer(c_int32_t) :: nc"]))

# ---------------------------------------------------------------- C interfaces
H = "type(c_ptr), value"
CIFACES = [
    ("c_last_error", "lapis_last_error", [], "type(c_ptr)"),
    ("c_strlen", "strlen", [("p", H)], "integer(c_size_t)"),
    ("c_wrap", "lapis_array_wrap",
     [("base", "integer(c_intptr_t), value"), ("nbytes", "integer(c_size_t), value"),
      ("offset", "integer(c_int64_t), value"), ("dtype", "integer(c_int32_t), value"),
      ("ndim", "integer(c_int64_t), value"), ("shp", "integer(c_int64_t), intent(in)"),
      ("strd", "integer(c_int64_t), intent(in)"), ("readonly", "logical(c_bool), value"),
      ("out", "type(c_ptr), intent(out)")], None),
    ("c_ndim", "lapis_array_ndim", [("a", H), ("out", "integer(c_int64_t), intent(out)")], None),
    ("c_shape", "lapis_array_shape",
     [("a", H), ("out", "integer(c_int64_t), intent(out)"), ("n", "integer(c_int64_t), value")], None),
    ("c_copyto", "lapis_array_copyto", [("dst", H), ("src", H)], None),
    ("c_gemm", "lapis_gemm",
     [("ta", "integer(c_int32_t), value"), ("tb", "integer(c_int32_t), value"),
      ("alpha", "type(lapis_complex128), value"), ("a", H), ("b", H),
      ("beta", "type(lapis_complex128), value"), ("c", H)], None),
    ("c_gemv", "lapis_gemv",
     [("ta", "integer(c_int32_t), value"), ("alpha", "type(lapis_complex128), value"), ("a", H), ("x", H),
      ("beta", "type(lapis_complex128), value"), ("y", H)], None),
    ("c_axpy", "lapis_axpy", [("alpha", "type(lapis_complex128), value"), ("x", H), ("y", H)], None),
    ("c_scal", "lapis_scal", [("alpha", "type(lapis_complex128), value"), ("x", H)], None),
    ("c_dot", "lapis_dotu", [("x", H), ("y", H), ("out", "type(lapis_complex128), intent(out)")], None),
    ("c_dotc", "lapis_dotc", [("x", H), ("y", H), ("out", "type(lapis_complex128), intent(out)")], None),
    ("c_syrk", "lapis_syrk",
     [("ul", "integer(c_int32_t), value"), ("ta", "integer(c_int32_t), value"),
      ("alpha", "type(lapis_complex128), value"), ("a", H), ("beta", "type(lapis_complex128), value"), ("c", H)], None),
    ("c_herk", "lapis_herk",
     [("ul", "integer(c_int32_t), value"), ("ta", "integer(c_int32_t), value"),
      ("alpha", "real(c_double), value"), ("a", H), ("beta", "real(c_double), value"), ("c", H)], None),
    ("c_solve", "lapis_linalg_solve", [("a", H), ("b", H), ("out", "type(c_ptr), intent(out)")], None),
    ("c_lstsq", "lapis_linalg_lstsq",
     [("a", H), ("b", H), ("rcond", "real(c_double), value"), ("x", "type(c_ptr), intent(out)"),
      ("residuals", "type(c_ptr), intent(out)"), ("rank", "integer(c_int64_t), intent(out)"),
      ("s", "type(c_ptr), intent(out)")], None),
    ("c_inv", "lapis_linalg_inv", [("a", H), ("out", "type(c_ptr), intent(out)")], None),
    ("c_det_scalar", "lapis_linalg_det_scalar", [("a", H), ("out", "type(lapis_complex128), intent(out)")], None),
    ("c_cholesky", "lapis_linalg_cholesky",
     [("a", H), ("ul", "integer(c_int32_t), value"), ("out", "type(c_ptr), intent(out)")], None),
    ("c_eigh", "lapis_linalg_eigh",
     [("a", H), ("ul", "integer(c_int32_t), value"), ("w", "type(c_ptr), intent(out)"),
      ("v", "type(c_ptr), intent(out)")], None),
    ("c_eigh_generalized", "lapis_linalg_eigh_generalized",
     [("h", H), ("s", H), ("ul", "integer(c_int32_t), value"), ("w", "type(c_ptr), intent(out)"),
      ("x", "type(c_ptr), intent(out)")], None),
    ("c_svd", "lapis_linalg_svd",
     [("a", H), ("full", "logical(c_bool), value"), ("uv", "logical(c_bool), value"),
      ("u", "type(c_ptr), intent(out)"), ("s", "type(c_ptr), intent(out)"), ("vh", "type(c_ptr), intent(out)")], None),
]
if UFUNCS:
    for op in ("add", "subtract", "multiply", "divide"):
        CIFACES.append((f"c_{op}_out", f"lapis_{op}_out", [("x", H), ("y", H), ("out", H)], None))
    for op in ("exp", "sqrt", "absolute"):
        CIFACES.append((f"c_{op}_out", f"lapis_{op}_out", [("x", H), ("out", H)], None))
    for op in ("sum", "mean", "max", "min"):
        CIFACES.append((f"c_{op}_all", f"lapis_{op}_all", [("x", H), ("out", "type(lapis_complex128), intent(out)")], None))
    CIFACES.append(("c_norm", "lapis_linalg_norm",
                    [("x", H), ("ord", "integer(c_int32_t), value"), ("p", "real(c_double), value"),
                     ("out", "real(c_double), intent(out)")], None))

FFT_1D_ARGS = [("x", H), ("n", "integer(c_int64_t), value"), ("axis", "integer(c_int64_t), value"),
               ("norm", "integer(c_int32_t), value"), ("out", H)]
for op in ("fft", "ifft", "rfft", "irfft"):
    CIFACES.append((f"c_fft_{op}_out", f"lapis_fft_{op}_out", FFT_1D_ARGS, None))
for op in ("fftn", "ifftn"):
    CIFACES.append((f"c_fft_{op}_out", f"lapis_fft_{op}_out",
                    [("x", H), ("ns", "integer(c_int64_t), value"), ("s", H),
                     ("naxes", "integer(c_int64_t), value"), ("axes", H),
                     ("norm", "integer(c_int32_t), value"), ("out", H)], None))


def render_iface(fname, cname, args, ret):
    names = ", ".join(a for a, _ in args)
    res = ret or "integer(c_int32_t)"
    lines = [f"    function {fname}({names}) bind(c, name='{cname}') result(r)",
             "      import :: c_ptr, c_int32_t, c_int64_t, c_intptr_t, c_size_t, c_bool, c_double, lapis_complex128"]
    for a, d in args:
        dim = "(*)" if a in ("shp", "strd") or (cname == "lapis_array_shape" and a == "out") else ""
        lines.append(f"      {d} :: {a}{dim}")
    lines.append(f"      {res} :: r")
    lines.append(f"    end function {fname}")
    return "\n".join(lines)


HEADER = """\
! lapis.f90 -- the Fortran 2008 interface to lapis (module `lapis`).
!
! GENERATED by scripts/gen_fortran.py: edit the generator, not this file.
!
! Build it with the compiler you build your program with (module files are
! compiler-specific, so the source is installed, not a .mod):
!
!   gfortran -c $(PREFIX)/include/lapis.f90           # -> lapis.mod, lapis.o
!   gfortran prog.f90 lapis.o $(pkg-config --libs lapis)           # shared
!   gfortran prog.f90 lapis.o $(pkg-config --libs lapis-static)    # static
!
! Every wrapper works on plain Fortran arrays of real(c_float),
! real(c_double), complex(c_float_complex) or complex(c_double_complex):
! the arrays are wrapped as lapis arrays WITHOUT copying (their actual
! column-major byte strides, so sections like a(1:n:2,:) or a(n:1:-1) work),
! the C function is called, and results land in the caller's arrays.
! Matrices keep Fortran's meaning: a(i,j) is row i, column j.
!
! Results of linalg routines (solve, inv, cholesky, eigh, svd, ...) are new
! lapis arrays that are copied into the destination array (which may itself
! be a section) with lapis_array_copyto after an exact shape check, then
! freed. BLAS and ufunc routines write into their output array in place.
!
! Errors: every routine takes optional `stat` (receives the lapis_status
! code, 0 on success) and `errmsg` (receives lapis_last_error(), assigned
! only on error). Without `stat`, an error writes the message to stderr and
! stops the program with `error stop`.
!
! lapis_wrap(a, arr) gives a type(lapis_array_t) handle to the caller's
! array; the array must stay alive (and should have the TARGET attribute)
! until arr%free() is called. Free every handle explicitly (there is no
! final binding, so copies of the type never double-free).
"""


def render():
    out = [HEADER, "module lapis",
           "  use, intrinsic :: iso_c_binding, only: c_ptr, c_null_ptr, c_loc, c_associated, c_f_pointer, &",
           "    c_int32_t, c_int64_t, c_intptr_t, c_size_t, c_bool, c_char, c_float, c_double, &",
           "    c_float_complex, c_double_complex",
           "  use, intrinsic :: iso_fortran_env, only: error_unit",
           "  implicit none",
           "  private",
           "",
           "  ! lapis_status codes (include/lapis.h)",
           ]
    codes = ["OK", "ERR_NULL_ARGUMENT", "ERR_BAD_DTYPE", "ERR_SHAPE_MISMATCH", "ERR_BAD_STRIDE",
             "ERR_INVALID_ARGUMENT", "ERR_INDEX", "ERR_OVERFLOW", "ERR_OUT_OF_MEMORY", "ERR_SINGULAR",
             "ERR_NOT_POSITIVE_DEFINITE", "ERR_NO_CONVERGENCE", "ERR_NON_FINITE", "ERR_READ_ONLY",
             "ERR_BUSY", "ERR_INVALID_VALUE", "ERR_UNSUPPORTED", "ERR_INTERNAL"]
    for i, c in enumerate(codes):
        out.append(f"  integer, parameter, public :: LAPIS_{c} = {i}")
    out += [
        "",
        "  !> A lapis array handle (from lapis_wrap). Free it with arr%free().",
        "  type, public :: lapis_array_t",
        "    type(c_ptr), private :: h = c_null_ptr",
        "  contains",
        "    procedure :: free => array_free",
        "    procedure :: is_null => array_is_null",
        "  end type lapis_array_t",
        "",
        "  type, bind(c) :: lapis_complex128",
        "    real(c_double) :: re, im",
        "  end type lapis_complex128",
        "",
        "  ! Message of an error found on the Fortran side (bad option letter,",
        "  ! result shape); used by check() instead of lapis_last_error().",
        "  character(:), allocatable :: pending",
        "",
        "  interface to_c128",
        "    module procedure to_c128_s, to_c128_d, to_c128_c, to_c128_z",
        "  end interface to_c128",
        "",
    ]
    for g in generics:
        out.append(f"  public :: {g}")
        out.append(f"  interface {g}")
        names = generics[g]
        for i in range(0, len(names), 4):
            out.append("    module procedure " + ", ".join(names[i:i + 4]))
        out.append(f"  end interface {g}")
    out += ["", "  interface"]
    out += [render_iface(*c) for c in CIFACES]
    out += [
        "    subroutine c_free(a) bind(c, name='lapis_array_free')",
        "      import :: c_ptr",
        "      type(c_ptr), value :: a",
        "    end subroutine c_free",
        "  end interface",
        "",
        "contains",
        "",
        HELPERS,
    ]
    out += wrap_funcs
    out.append("")
    out += [p.render() + "\n" for p in procs]
    out.append("end module lapis")
    return "\n".join(out) + "\n"


HELPERS = """\
  type(lapis_complex128) function to_c128_s(v)
    real(c_float), intent(in) :: v
    to_c128_s = lapis_complex128(real(v, c_double), 0.0_c_double)
  end function to_c128_s

  type(lapis_complex128) function to_c128_d(v)
    real(c_double), intent(in) :: v
    to_c128_d = lapis_complex128(v, 0.0_c_double)
  end function to_c128_d

  type(lapis_complex128) function to_c128_c(v)
    complex(c_float_complex), intent(in) :: v
    to_c128_c = lapis_complex128(real(real(v), c_double), real(aimag(v), c_double))
  end function to_c128_c

  type(lapis_complex128) function to_c128_z(v)
    complex(c_double_complex), intent(in) :: v
    to_c128_z = lapis_complex128(real(v), aimag(v))
  end function to_c128_z

  subroutine array_free(self)
    class(lapis_array_t), intent(inout) :: self
    call release(self%h)
  end subroutine array_free

  logical function array_is_null(self)
    class(lapis_array_t), intent(in) :: self
    array_is_null = .not. c_associated(self%h)
  end function array_is_null

  subroutine release(h)
    type(c_ptr), intent(inout) :: h
    if (c_associated(h)) call c_free(h)
    h = c_null_ptr
  end subroutine release

  function last_error() result(msg)
    character(:), allocatable :: msg
    type(c_ptr) :: p
    character(kind=c_char), pointer :: cs(:)
    integer :: n, i
    p = c_last_error()
    if (.not. c_associated(p)) then
      msg = ''
      return
    end if
    n = int(c_strlen(p))
    call c_f_pointer(p, cs, [n])
    allocate(character(n) :: msg)
    do i = 1, n
      msg(i:i) = cs(i)
    end do
  end function last_error

  ! Reports status st of routine `where`: into stat/errmsg when stat is
  ! present, else on stderr followed by error stop.
  subroutine check(st, where, stat, errmsg)
    integer(c_int32_t), intent(in) :: st
    character(*), intent(in) :: where
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    character(:), allocatable :: msg
    if (present(stat)) stat = int(st)
    if (st == 0) return
    if (allocated(pending)) then
      msg = pending
      deallocate(pending)
    else
      msg = last_error()
    end if
    if (present(errmsg)) errmsg = msg
    if (.not. present(stat)) then
      write (error_unit, '(a)') where // ': ' // msg
      flush (error_unit)
      error stop 1
    end if
  end subroutine check

  function trans_code(c, code) result(st)
    character, intent(in) :: c
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    select case (c)
    case ('N', 'n')
      code = 0
    case ('T', 't')
      code = 1
    case ('C', 'c')
      code = 2
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      pending = "trans must be 'N', 'T' or 'C', got '" // c // "'"
    end select
  end function trans_code

  function dim_check(d, rank) result(st)
    integer, intent(in) :: d, rank
    integer(c_int32_t) :: st
    character(len=24) :: buf
    st = 0
    if (d < 1 .or. d > rank) then
      st = LAPIS_ERR_INDEX
      write (buf, '(i0, a, i0)') d, ' for rank ', rank
      pending = "dim = " // trim(buf) // " is out of range"
    end if
  end function dim_check

  function norm_code(norm, code) result(st)
    character(*), intent(in), optional :: norm
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    if (.not. present(norm)) return
    select case (norm)
    case ('backward')
      code = 0
    case ('ortho')
      code = 1
    case ('forward')
      code = 2
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      pending = "norm must be 'backward', 'ortho' or 'forward', got '" // norm // "'"
    end select
  end function norm_code

  function uplo_code(c, code) result(st)
    character, intent(in) :: c
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    select case (c)
    case ('U', 'u')
      code = 0
    case ('L', 'l')
      code = 1
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      pending = "uplo must be 'U' or 'L', got '" // c // "'"
    end select
  end function uplo_code

  subroutine contiguous_strides(shp, elsize, strd)
    integer(c_int64_t), intent(in) :: shp(:), elsize
    integer(c_int64_t), intent(out) :: strd(:)
    integer :: d
    strd(1) = elsize
    do d = 2, size(shp)
      strd(d) = strd(d - 1) * max(shp(d - 1), 1_c_int64_t)
    end do
  end subroutine contiguous_strides

  ! Wraps the elements at byte strides strd from address `first` (the
  ! element with all indices 1): base = lowest element address, nbytes =
  ! lowest..highest element, offset = first - base.
  function wrap_any(first, elsize, dtype, shp, strd, readonly, h) result(st)
    integer(c_intptr_t), intent(in) :: first
    integer(c_int64_t), intent(in) :: elsize, shp(:), strd(:)
    integer(c_int32_t), intent(in) :: dtype
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: lo, hi, ext
    integer :: d
    h = c_null_ptr
    if (any(shp == 0)) then
      st = c_wrap(0_c_intptr_t, 0_c_size_t, 0_c_int64_t, dtype, int(size(shp), c_int64_t), shp, strd, &
        logical(readonly, c_bool), h)
      return
    end if
    lo = 0
    hi = 0
    do d = 1, size(shp)
      ext = strd(d) * (shp(d) - 1)
      if (ext > 0) then
        hi = hi + ext
      else
        lo = lo + ext
      end if
    end do
    st = c_wrap(first + int(lo, c_intptr_t), int(hi - lo + elsize, c_size_t), -lo, dtype, &
      int(size(shp), c_int64_t), shp, strd, logical(readonly, c_bool), h)
  end function wrap_any

  function shape_text(n, s) result(txt)
    integer(c_int64_t), intent(in) :: n, s(:)
    character(:), allocatable :: txt
    character(24) :: buf
    integer :: i
    txt = '('
    do i = 1, int(n)
      write (buf, '(i0)') s(i)
      txt = txt // trim(buf)
      if (i < n) txt = txt // ', '
    end do
    txt = txt // ')'
  end function shape_text

  ! Copies the new result r into the wrapped destination d after checking
  ! that the shapes agree exactly (copyto alone would broadcast).
  function copy_out(r, d) result(st)
    type(c_ptr), intent(in) :: r, d
    integer(c_int32_t) :: st
    integer(c_int64_t) :: nr, nd, sr(32), sd(32)
    sr = 0
    sd = 0
    st = c_ndim(r, nr)
    if (st == 0) st = c_ndim(d, nd)
    if (st == 0) st = c_shape(r, sr, 32_c_int64_t)
    if (st == 0) st = c_shape(d, sd, 32_c_int64_t)
    if (st /= 0) return
    if (nr /= nd .or. any(sr(1:nr) /= sd(1:nd))) then
      st = LAPIS_ERR_SHAPE_MISMATCH
      pending = 'the result has shape ' // shape_text(nr, sr) // ' but the destination array has shape ' &
        // shape_text(nd, sd)
      return
    end if
    st = c_copyto(d, r)
  end function copy_out
"""


def main():
    text = render()
    if "--check" in sys.argv:
        with open(OUT) as f:
            if f.read() != text:
                print("include/lapis.f90 differs from scripts/gen_fortran.py's output: "
                      "run python3 scripts/gen_fortran.py", file=sys.stderr)
                sys.exit(1)
        return
    with open(OUT, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
