#!/usr/bin/env python3
"""Generates include/lapis.f90 from include/lapis.h. The file holds two
Fortran modules:

  lapis_c  the raw layer, read from the header: one bind(c) interface per C
           function (same name), every constant as a parameter, the C
           structs as bind(c) types (see RAW_INTRO for the type mapping);
  lapis    the high-level layer built on lapis_c: generic names with one
           specific per kind and rank that wraps the caller's Fortran arrays
           without copying, optional stat/errmsg (tables below, the way FFTW
           generates its Fortran interfaces).

    python3 scripts/gen_fortran.py              writes include/lapis.f90
    python3 scripts/gen_fortran.py --check      exits 1 if include/lapis.f90 is
                                                not what lapis.h gives, or if a
                                                lapis_ function of the header
                                                has no bind(c, name=...) in it
    python3 scripts/gen_fortran.py --self-test  proves --check can fail: drops
                                                functions and expects them named

tests/fortran/Makefile runs --self-test and --check.
"""
import os
import re
import sys
import textwrap

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
# The user-facing procedures take assumed-rank arrays (Fortran 2018,
# `dimension(..)`): one specific per kind, and wrap_<k> dispatches on the
# rank (select rank) to the rank-specific wrap_<k><r>. None stands for
# "assumed rank" in the rank loops below.
SPEC_RANKS = [None]
REALKIND = {"s": "c_float", "d": "c_double", "c": "c_float", "z": "c_double"}
CPLXKIND = {"c": "c_float_complex", "z": "c_double_complex"}
REALOF = {"s": "s", "d": "d", "c": "s", "z": "d"}

def dims(r):
    if r is None:
        return "(..)"
    return "(" + ",".join([":"] * r) + ")"


def sfx(r):
    """The rank suffix of a specific's name ('' for assumed rank)."""
    return "" if r is None else str(r)


def idx(r, d=None):
    """Index (1,1,...) with 2 in position d."""
    return "(" + ",".join("2" if i == d else "1" for i in range(r)) + ")"


def to_c(k, v):
    """Fortran expression converting scalar v of kind k to type(lapis_complex128_t)."""
    return f"to_c128({v})"


def from_c(k, v):
    """Fortran expression converting the complex(c_double_complex) v to kind k."""
    if KINDS[k][4]:
        return f"cmplx({v}, kind={CPLXKIND[k]})"
    return f"real({v}, {REALKIND[k]})"


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

for k in KINDS:
    t, code, size, _, _ = KINDS[k]
    lines = [
        f"  function wrap_{k}(a, readonly, h) result(st)",
        f"    {t}, intent(in), target :: a(..)",
        "    logical, intent(in) :: readonly",
        "    type(c_ptr), intent(out) :: h",
        "    integer(c_int32_t) :: st",
        "    character(len=12) :: buf",
        "    h = c_null_ptr",
        "    select rank (a)",
    ]
    for r in RANKS:
        lines += [f"    rank ({r})", f"      st = wrap_{k}{r}(a, readonly, h)"]
    lines += [
        "    rank default",
        "      st = LAPIS_ERR_INVALID_ARGUMENT",
        "      write (buf, '(i0)') rank(a)",
        f"      call set_pending('arrays of rank {RANKS[0]} to {RANKS[-1]} only, got rank ' // trim(buf))",
        "    end select",
        f"  end function wrap_{k}",
    ]
    wrap_funcs.append("\n".join(lines))
    for r in SPEC_RANKS:
        add("lapis_wrap", Proc(
            f"lapis_wrap_{k}{sfx(r)}", ["a", "arr", "readonly"],
            [f"{t}, intent(inout), target :: a{dims(r)}",
             "type(lapis_array_t), intent(inout) :: arr",
             "logical, intent(in), optional :: readonly"],
            ["h"],
            [],
            pre=["ro = .false.", "if (present(readonly)) ro = readonly", "call arr%free()",
                 f"st = wrap_{k}{sfx(r)}(a, ro, h)", "if (st == 0) then", "  arr%h = h", "  h = c_null_ptr",
                 "end if"],
            where="lapis_wrap", locals_=["logical :: ro"]))

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
            where=f"lapis_{nm}", locals_=["complex(c_double_complex) :: v"]))
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
    for rb in SPEC_RANKS:
        add("lapis_solve", Proc(
            f"lapis_solve_{k}{sfx(rb)}", ["a", "b", "x"],
            [f"{t}, intent(in), target :: a(:,:), b{dims(rb)}", f"{t}, intent(inout), target :: x{dims(rb)}"],
            ["ha", "hb", "hr", "hx"],
            [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}{sfx(rb)}(b, .true., hb)",
             f"st = wrap_{k}{sfx(rb)}(x, .false., hx)", "st = c_solve(ha, hb, hr)", "st = copy_out(hr, hx)"],
            where="lapis_solve"))
        add("lapis_lstsq", Proc(
            f"lapis_lstsq_{k}{sfx(rb)}", ["a", "b", "x", "rank", "rcond"],
            [f"{t}, intent(in), target :: a(:,:), b{dims(rb)}", f"{t}, intent(inout), target :: x{dims(rb)}",
             "integer, intent(out), optional :: rank", "real(c_double), intent(in), optional :: rcond"],
            ["ha", "hb", "hx", "hr", "hres", "hs"],
            [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}{sfx(rb)}(b, .true., hb)",
             f"st = wrap_{k}{sfx(rb)}(x, .false., hx)",
             "st = c_lstsq_rcond(ha, hb, kd, rc, hr, hres, rk, hs)", "st = copy_out(hr, hx)"],
            pre=["kd = LAPIS_RCOND_DEFAULT", "rc = 0.0_c_double",
                 "if (present(rcond)) then", "  kd = LAPIS_RCOND_VALUE", "  rc = rcond", "end if",
                 "rk = 0", "st = 0"],
            post=["if (st == 0 .and. present(rank)) rank = int(rk)"],
            where="lapis_lstsq",
            locals_=["real(c_double) :: rc", "integer(c_int32_t) :: kd", "integer(c_int64_t) :: rk"]))
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
        where="lapis_det", locals_=["complex(c_double_complex) :: v"]))
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

# ---------------------------------------------------------------- triangular solves, in-place Cholesky, eigenpair subsets
for k in KINDS:
    t, rt, rk = T(k), RT(k), REALOF[k]
    # B := alpha op(A)^-1 B (side 'L') or alpha B op(A)^-1 (side 'R'), in place:
    # Psi L^-H is lapis_trsm('R', 'L', 'C', 'N', one, l, psi).
    add("lapis_trsm", Proc(
        f"lapis_trsm_{k}", ["side", "uplo", "transa", "diag", "alpha", "a", "b"],
        ["character, intent(in) :: side, uplo, transa, diag", f"{t}, intent(in) :: alpha",
         f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout), target :: b(:,:)"],
        ["ha", "hb"],
        ["st = side_code(side, sd)", "st = uplo_code(uplo, ul)", "st = trans_code(transa, ta)",
         "st = diag_code(diag, dg)",
         f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(b, .false., hb)",
         f"st = c_trsm(sd, ul, ta, dg, {to_c(k, 'alpha')}, ha, hb)"],
        where="lapis_trsm", locals_=["integer(c_int32_t) :: sd, ul, ta, dg"]))
    # x = op(A)^-1 b (scipy.linalg.solve_triangular): uplo is required,
    # trans defaults to 'N', unit_diagonal to .false.
    for rb in SPEC_RANKS:
        add("lapis_solve_triangular", Proc(
            f"lapis_solve_triangular_{k}{sfx(rb)}", ["a", "b", "x", "uplo", "trans", "unit_diagonal"],
            [f"{t}, intent(in), target :: a(:,:), b{dims(rb)}", f"{t}, intent(inout), target :: x{dims(rb)}",
             "character, intent(in) :: uplo", "character, intent(in), optional :: trans",
             "logical, intent(in), optional :: unit_diagonal"],
            ["ha", "hb", "hr", "hx"],
            ["st = uplo_code(uplo, ul)", "st = trans_code(tc, ta)",
             f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}{sfx(rb)}(b, .true., hb)",
             f"st = wrap_{k}{sfx(rb)}(x, .false., hx)",
             "st = c_solve_triangular(ha, hb, ul, ta, dg, hr)", "st = copy_out(hr, hx)"],
            pre=["tc = 'N'", "if (present(trans)) tc = trans", "dg = 0",
                 "if (present(unit_diagonal)) then", "  if (unit_diagonal) dg = 1", "end if", "st = 0"],
            where="lapis_solve_triangular",
            locals_=["character :: tc", "integer(c_int32_t) :: ul, ta, dg"]))
    # a := its Cholesky factor (the other triangle zeroed), in place.
    add("lapis_cholesky_inplace", Proc(
        f"lapis_cholesky_inplace_{k}", ["a", "uplo"],
        [f"{t}, intent(inout), target :: a(:,:)"] + UPLO_OPT,
        ["ha"],
        [f"st = wrap_{k}2(a, .false., ha)", "st = c_cholesky_inplace(ha, ul)"],
        pre=UPLO_PRE, where="lapis_cholesky_inplace", locals_=["character :: ch", "integer(c_int32_t) :: ul"]))
    # The generalized problem of type itype (1: H x = e S x, 2: H S x = e x,
    # 3: S H x = e x), all eigenpairs or those with 1-based indices il..iu
    # (LAPACK's il/iu) or values vl < e <= vu. The m selected eigenvalues go
    # to w(1:m) and the eigenvectors to x(:, 1:m): w and x need at least m
    # entries/columns (m = iu - il + 1 for an index range; for a value range
    # give room for up to n); the optional m receives the count.
    add("lapis_eigh_generalized_subset", Proc(
        f"lapis_eigh_generalized_subset_{k}",
        ["h", "s", "w", "x", "itype", "il", "iu", "vl", "vu", "m", "uplo"],
        [f"{t}, intent(in), target :: h(:,:), s(:,:)", f"{rt}, intent(inout), target :: w(:)",
         f"{t}, intent(inout), target, optional :: x(:,:)",
         "integer, intent(in), optional :: itype, il, iu", f"{rt}, intent(in), optional :: vl, vu",
         "integer, intent(out), optional :: m"] + UPLO_OPT,
        ["hh", "hs", "hw", "hv", "hxw", "hxv"],
        [f"st = wrap_{k}2(h, .true., hh)", f"st = wrap_{k}2(s, .true., hs)",
         "st = c_eigh_generalized_subset(hh, hs, ul, it, rg, lo, hi, hw, hv)",
         "st = c_shape(hw, cnt, 1_c_int64_t)",
         "then\n      if (cnt(1) > size(w, kind=c_int64_t)) then\n        st = LAPIS_ERR_SHAPE_MISMATCH\n"
         "        call set_pending('w has fewer entries than the eigenvalues selected')\n      end if\n    end if",
         f"st = wrap_{rk}1(w(1:cnt(1)), .false., hxw)", "st = copy_out(hw, hxw)",
         "then\n      if (present(x)) then\n"
         "        if (cnt(1) > size(x, 2, kind=c_int64_t)) then\n          st = LAPIS_ERR_SHAPE_MISMATCH\n"
         "          call set_pending('x has fewer columns than the eigenvalues selected')\n        end if\n"
         f"        if (st == 0) st = wrap_{k}2(x(:, 1:cnt(1)), .false., hxv)\n"
         "        if (st == 0) st = copy_out(hv, hxv)\n      end if\n    end if"],
        pre=UPLO_PRE + [
            "it = 1", "if (present(itype)) it = int(itype, c_int32_t)",
            "rg = LAPIS_EIG_ALL", "lo = 0", "hi = 0", "cnt = 0",
            "if (st == 0 .and. ((present(il) .neqv. present(iu)) .or. (present(vl) .neqv. present(vu)) &",
            "    .or. (present(il) .and. present(vl)))) then",
            "  st = LAPIS_ERR_INVALID_ARGUMENT",
            "  call set_pending('give both il and iu, or both vl and vu, or neither pair')",
            "end if",
            "if (present(il) .and. present(iu)) then",
            "  rg = LAPIS_EIG_INDEX", "  lo = real(il - 1, c_double)", "  hi = real(iu - 1, c_double)",
            "else if (present(vl) .and. present(vu)) then",
            "  rg = LAPIS_EIG_VALUE", "  lo = real(vl, c_double)", "  hi = real(vu, c_double)",
            "end if",
        ],
        post=["if (st == 0 .and. present(m)) m = int(cnt(1))"],
        where="lapis_eigh_generalized_subset",
        locals_=["character :: ch", "integer(c_int32_t) :: ul, it, rg", "real(c_double) :: lo, hi",
                 "integer(c_int64_t) :: cnt(1)"]))

# ---------------------------------------------------------------- factor once, solve many; QR in LAPACK's form; rank
for k in KINDS:
    t, rt, rk = T(k), RT(k), REALOF[k]
    # c := the Cholesky factor of a in its uplo triangle, for lapis_cho_solve
    # with the same uplo (scipy.linalg.cho_factor: c's other triangle keeps
    # a's entries; lapis_cholesky gives a clean factor).
    add("lapis_cho_factor", Proc(
        f"lapis_cho_factor_{k}", ["a", "c", "uplo"],
        [f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout), target :: c(:,:)"] + UPLO_OPT,
        ["ha", "hr", "hx"],
        [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(c, .false., hx)",
         "st = c_cho_factor(ha, ul, hr)", "st = copy_out(hr, hx)"],
        pre=UPLO_PRE, where="lapis_cho_factor", locals_=["character :: ch", "integer(c_int32_t) :: ul"]))
    # x = A^-1 b from A's Cholesky factor c (lapis_cho_factor,
    # lapis_cholesky_inplace or lapis_cholesky with the same uplo).
    for rb in SPEC_RANKS:
        add("lapis_cho_solve", Proc(
            f"lapis_cho_solve_{k}{sfx(rb)}", ["c", "b", "x", "uplo"],
            [f"{t}, intent(in), target :: c(:,:), b{dims(rb)}", f"{t}, intent(inout), target :: x{dims(rb)}"]
            + UPLO_OPT,
            ["hc", "hb", "hr", "hx"],
            [f"st = wrap_{k}2(c, .true., hc)", f"st = wrap_{k}{sfx(rb)}(b, .true., hb)",
             f"st = wrap_{k}{sfx(rb)}(x, .false., hx)",
             "st = c_cho_solve(hc, ul, hb, hr)", "st = copy_out(hr, hx)"],
            pre=UPLO_PRE, where="lapis_cho_solve", locals_=["character :: ch", "integer(c_int32_t) :: ul"]))
    # lu := L\U of a (LAPACK ?getrf's layout), ipiv its pivots in LAPACK's
    # convention (1-based: row i was interchanged with row ipiv(i)); ipiv has
    # min(m, n) entries. A singular matrix factors; lapis_lu_solve reports it.
    add("lapis_lu_factor", Proc(
        f"lapis_lu_factor_{k}", ["a", "lu", "ipiv"],
        [f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout), target :: lu(:,:)",
         "integer, intent(inout) :: ipiv(:)"],
        ["ha", "hr", "hx"],
        [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(lu, .false., hx)",
         "st = c_lu_factor(ha, hr, piv, size(piv, kind=c_int64_t))", "st = copy_out(hr, hx)"],
        pre=["allocate(piv(size(ipiv)))", "st = 0"],
        post=["if (st == 0) ipiv = int(piv) + 1"],
        where="lapis_lu_factor", locals_=["integer(c_int64_t), allocatable :: piv(:)"]))
    # x = op(A)^-1 b from lapis_lu_factor's lu and ipiv; trans 'N' (default), 'T' or 'C'.
    for rb in SPEC_RANKS:
        add("lapis_lu_solve", Proc(
            f"lapis_lu_solve_{k}{sfx(rb)}", ["lu", "ipiv", "b", "x", "trans"],
            [f"{t}, intent(in), target :: lu(:,:), b{dims(rb)}", "integer, intent(in) :: ipiv(:)",
             f"{t}, intent(inout), target :: x{dims(rb)}", "character, intent(in), optional :: trans"],
            ["hl", "hb", "hr", "hx"],
            ["st = trans_code(tc, ta)",
             f"st = wrap_{k}2(lu, .true., hl)", f"st = wrap_{k}{sfx(rb)}(b, .true., hb)",
             f"st = wrap_{k}{sfx(rb)}(x, .false., hx)",
             "st = c_lu_solve(hl, size(piv, kind=c_int64_t), piv, hb, ta, hr)", "st = copy_out(hr, hx)"],
            pre=["tc = 'N'", "if (present(trans)) tc = trans", "piv = int(ipiv, c_int64_t) - 1", "st = 0"],
            where="lapis_lu_solve",
            locals_=["character :: tc", "integer(c_int32_t) :: ta",
                     "integer(c_int64_t) :: piv(size(ipiv))"]))
    # h, tau := a's QR factorization in LAPACK ?geqrf's form (numpy.linalg.qr
    # mode='raw', transposed to LAPACK's layout): R on and above h's diagonal,
    # the Householder vectors below it, tau (min(m, n)) their factors; h and
    # tau are what ?ormqr/?unmqr take.
    add("lapis_qr_raw", Proc(
        f"lapis_qr_raw_{k}", ["a", "h", "tau"],
        [f"{t}, intent(in), target :: a(:,:)", f"{t}, intent(inout), target :: h(:,:), tau(:)"],
        ["ha", "hh", "ht", "hxh", "hxt"],
        [f"st = wrap_{k}2(a, .true., ha)", f"st = wrap_{k}2(h, .false., hxh)",
         f"st = wrap_{k}1(tau, .false., hxt)",
         "st = c_qr_raw(ha, hh, ht)", "st = copy_out(hh, hxh)", "st = copy_out(ht, hxt)"],
        where="lapis_qr_raw"))
    # The numerical rank of a (numpy.linalg.matrix_rank): singular values
    # above tol count; without tol, NumPy's default s_max * max(m, n) * eps.
    add("lapis_matrix_rank", Proc(
        f"lapis_matrix_rank_{k}", ["a", "rank", "tol"],
        [f"{t}, intent(in), target :: a(:,:)", "integer, intent(out) :: rank",
         "real(c_double), intent(in), optional :: tol"],
        ["ha"],
        [f"st = wrap_{k}2(a, .true., ha)", "st = c_matrix_rank_stacked(ha, tl, rk, 1_c_int64_t)"],
        pre=["tl = -1.0_c_double", "if (present(tol)) tl = tol", "rk = 0", "rank = 0", "st = 0"],
        post=["if (st == 0) rank = int(rk(1))"],
        where="lapis_matrix_rank", locals_=["real(c_double) :: tl", "integer(c_int64_t) :: rk(1)"]))

# ---------------------------------------------------------------- ufuncs, reductions
for k in KINDS:
    t, rt, rk = T(k), RT(k), REALOF[k]
    for r in SPEC_RANKS:
        for op in ("add", "subtract", "multiply", "divide"):
            add(f"lapis_{op}", Proc(
                f"lapis_{op}_{k}{sfx(r)}", ["x", "y", "out"],
                [f"{t}, intent(in), target :: x{dims(r)}, y{dims(r)}", f"{t}, intent(inout), target :: out{dims(r)}"],
                ["hx", "hy", "ho"],
                [f"st = wrap_{k}{sfx(r)}(x, .true., hx)", f"st = wrap_{k}{sfx(r)}(y, .true., hy)",
                 f"st = wrap_{k}{sfx(r)}(out, .false., ho)", f"st = c_{op}_out(hx, hy, ho)"],
                where=f"lapis_{op}"))
        for op, cname, ok in (("exp", "exp", k), ("sqrt", "sqrt", k), ("abs", "absolute", rk)):
            add(f"lapis_{op}", Proc(
                f"lapis_{op}_{k}{sfx(r)}", ["x", "out"],
                [f"{t}, intent(in), target :: x{dims(r)}", f"{T(ok)}, intent(inout), target :: out{dims(r)}"],
                ["hx", "ho"],
                [f"st = wrap_{k}{sfx(r)}(x, .true., hx)", f"st = wrap_{ok}{sfx(r)}(out, .false., ho)",
                 f"st = c_{cname}_out(hx, ho)"],
                where=f"lapis_{op}"))
        for op in ("sum", "mean", "max", "min"):
            if op in ("max", "min") and KINDS[k][4]:
                continue
            add(f"lapis_{op}", Proc(
                f"lapis_{op}_{k}{sfx(r)}", ["x", "res"],
                [f"{t}, intent(in), target :: x{dims(r)}", f"{t}, intent(inout) :: res"],
                ["hx"],
                [f"st = wrap_{k}{sfx(r)}(x, .true., hx)", f"st = c_{op}_all(hx, v)"],
                post=[f"if (st == 0) res = {from_c(k, 'v')}"],
                where=f"lapis_{op}", locals_=["complex(c_double_complex) :: v"]))
        add("lapis_norm", Proc(
            f"lapis_norm_{k}{sfx(r)}", ["x", "res"],
            [f"{t}, intent(in), target :: x{dims(r)}", f"{rt}, intent(inout) :: res"],
            ["hx"],
            [f"st = wrap_{k}{sfx(r)}(x, .true., hx)", "st = c_norm(hx, 0_c_int32_t, 0.0_c_double, v)"],
            post=[f"if (st == 0) res = real(v, {REALKIND[k]})"],
            where="lapis_norm", locals_=["real(c_double) :: v"]))

# ---------------------------------------------------------------- FFT
FFT_OPT = ["integer, intent(in), optional :: dim", "character(*), intent(in), optional :: norm"]
for k in ("c", "z"):
    t, rk = T(k), REALOF[k]
    tr = T(rk)
    for r in SPEC_RANKS:
        # 1-D transforms along `dim`; the length n is the one the output
        # (fft, ifft, irfft) or the input (rfft) has along `dim`.
        for op, xt, yt, xk, yk, nsrc in (
            ("fft", t, t, k, k, "y"), ("ifft", t, t, k, k, "y"),
            ("rfft", tr, t, rk, k, "x"), ("irfft", t, tr, k, rk, "y"),
        ):
            add(f"lapis_{op}", Proc(
                f"lapis_{op}_{k}{sfx(r)}", ["x", "y", "dim", "norm"],
                [f"{xt}, intent(in), target :: x{dims(r)}", f"{yt}, intent(inout), target :: y{dims(r)}"] + FFT_OPT,
                ["hx", "hy"],
                [f"st = wrap_{xk}{sfx(r)}(x, .true., hx)", f"st = wrap_{yk}{sfx(r)}(y, .false., hy)",
                 f"st = c_fft_{op}_out(hx, int(size({nsrc}, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)"],
                pre=["d = 1", "if (present(dim)) d = dim", "st = dim_check(d, rank(x))" if r is None else f"st = dim_check(d, {r})",
                     "if (st == 0) st = norm_code(norm, nc)"],
                where=f"lapis_{op}", locals_=["integer :: d", "integer(c_int32_t) :: nc"]))
        # n-d transforms over every dimension, same shape in and out.
        for op in ("fftn", "ifftn"):
            add(f"lapis_{op}", Proc(
                f"lapis_{op}_{k}{sfx(r)}", ["x", "y", "norm"],
                [f"{t}, intent(in), target :: x{dims(r)}", f"{t}, intent(inout), target :: y{dims(r)}",
                 "character(*), intent(in), optional :: norm"],
                ["hx", "hy"],
                [f"st = wrap_{k}{sfx(r)}(x, .true., hx)", f"st = wrap_{k}{sfx(r)}(y, .false., hy)",
                 f"st = c_fft_{op}_out(hx, LAPIS_FFT_DEFAULT, unused, LAPIS_FFT_DEFAULT, unused, nc, hy)"],
                pre=["unused = 0", "st = norm_code(norm, nc)"],
                where=f"lapis_{op}", locals_=["integer(c_int32_t) :: nc", "integer(c_int64_t) :: unused(1)"]))

# ================================================================ lapis.h -> module lapis_c
#
# The raw layer: one `bind(c, name="...")` interface per function of
# include/lapis.h and one Fortran parameter per constant, all derived from
# the header text (cbindgen's output), so a new C function needs nothing
# here. The mapping of C types (a parameter's type, its constness and, for
# a pointer to numbers, whether it is an array) is in `fortran_param`.

HEADER_PATH = os.path.join(ROOT, "include", "lapis.h")
RAW_MODULE = "lapis_c"


class HeaderError(Exception):
    """The header holds something this generator does not know how to map."""


class Param:
    def __init__(self, ctype, name, funptr=False):
        self.ctype = " ".join(ctype.replace("*", " * ").split())
        self.name = name
        self.funptr = funptr


class Function:
    def __init__(self, name, ret, params, doc):
        self.name, self.ret, self.params, self.doc = name, ret, params, doc


class Header:
    """What the generator needs from lapis.h: constants (name, C value, doc),
    integer typedefs (name -> C base type), enums, structs, functions."""

    def __init__(self):
        self.constants = []  # (name, value text, doc, is an enum member)
        self.aliases = {}  # typedef name -> base C type
        self.enums = set()  # typedef'd enum names
        self.structs = {}  # typedef'd struct name -> [(C type, field)]
        self.struct_docs = {}
        self.opaque = set()  # typedef struct x x; (no body)
        self.functions = []


def doc_text(comment):
    """The text of a /** ... */ comment without its frame."""
    body = comment[3:-2]
    lines = [re.sub(r"^\s*\* ?", "", ln).rstrip() for ln in body.splitlines()]
    return "\n".join(lines).strip()


def first_sentence(doc):
    """The doc comment's first sentence: up to the first '.' that ends the
    paragraph or is followed by a capital, outside parentheses."""
    para = " ".join(doc.split("\n\n")[0].split())
    for m in re.finditer(r"\.(?=\s+[A-Z]|$)", para):
        head = para[:m.end()]
        if head.count("(") == head.count(")"):
            return head
    return para


def split_params(args):
    depth, cur, out = 0, "", []
    for ch in args:
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    if cur.strip():
        out.append(cur)
    return [" ".join(p.split()) for p in out]


def parse_param(text, fname):
    fp = re.match(r"^(.*)\(\s*\*\s*(\w+)\s*\)\s*\((.*)\)$", text)
    if fp:
        return Param("funptr", fp.group(2), funptr=True)
    m = re.match(r"^(.*?)(\w+)$", text)
    if not m or not m.group(1).strip():
        raise HeaderError(f"{fname}: cannot read parameter '{text}'")
    return Param(m.group(1), m.group(2))


TOKEN = re.compile(r"""
    (?P<doc>/\*\*.*?\*/)
  | (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<define>\#define[ \t]+(?P<dname>\w+)(?:[ \t]+(?P<dval>[^\n]*))?)
  | (?P<pre>\#[^\n]*)
  | (?P<codeenum>enum\s+(?P<cename>\w+)\s+LAPIS_CODE_BASE\s*\{(?P<cebody>.*?)\}\s*;)
  | (?P<codetype>typedef\s+LAPIS_CODE_TYPE\(\s*(?P<ctenum>\w+)\s*\)\s*(?P<ctname>\w+)\s*;)
  | (?P<enum>typedef\s+enum\s*\w*\s*\{(?P<ebody>.*?)\}\s*(?P<ename>\w+)\s*;)
  | (?P<struct>typedef\s+struct\s*\w*\s*\{(?P<sbody>.*?)\}\s*(?P<sname>\w+)\s*;)
  | (?P<opaque>typedef\s+struct\s+(?P<oname>\w+)\s+(?P<oalias>\w+)\s*;)
  | (?P<alias>typedef\s+(?P<abase>[\w\s]+?)\s+(?P<aname>\w+)\s*;)
  | (?P<func>(?P<ret>(?:const\s+)?\w+(?:\s*\*)*)\s*(?P<fname>\w+)\s*\((?P<args>[^;{}]*)\)\s*;)
  | (?P<other>[^\n]*\n?)
""", re.S | re.X)


def strip_comments(s):
    return re.sub(r"/\*.*?\*/|//[^\n]*", "", s, flags=re.S)


def parse_header(text):
    """Reads cbindgen's lapis.h. Raises HeaderError for a declaration it
    cannot read (a prototype-like line that does not parse, a variadic)."""
    h = Header()
    doc = ""
    pos = 0
    while pos < len(text):
        ws = re.match(r"\s*", text[pos:])
        pos += ws.end()
        if pos >= len(text):
            break
        m = TOKEN.match(text, pos)
        pos = m.end()
        if m.group("doc"):
            doc = doc_text(m.group("doc"))
            continue
        if m.group("comment"):
            continue
        if m.group("define"):
            name, val = m.group("dname"), (m.group("dval") or "").strip()
            # LAPIS_CODE_TYPE/LAPIS_CODE_BASE spell the code enums, not values.
            if val and name.startswith("LAPIS_") and name not in ("LAPIS_CODE_TYPE", "LAPIS_CODE_BASE"):
                h.constants.append((name, strip_comments(val).strip(), doc, False))
        elif m.group("enum"):
            h.enums.add(m.group("ename"))
            for em in re.finditer(r"(/\*\*.*?\*/)?\s*(\w+)\s*=\s*([^,}]+?)\s*(?:,|$)", m.group("ebody"), re.S):
                h.constants.append((em.group(2), em.group(3), doc_text(em.group(1)) if em.group(1) else "", True))
        elif m.group("codeenum"):
            # An option-code kind (enum lapis_uplo_code): its members are
            # int32_t codes, the type the C functions take them as.
            for em in re.finditer(r"(/\*\*.*?\*/)?\s*(\w+)\s*=\s*([^,}]+?)\s*(?:,|$)", m.group("cebody"), re.S):
                h.constants.append((em.group(2), em.group(3), doc_text(em.group(1)) if em.group(1) else "", "code"))
        elif m.group("codetype"):
            h.aliases[m.group("ctname")] = "int32_t"
        elif m.group("struct"):
            fields = []
            for fl in strip_comments(m.group("sbody")).split(";"):
                if fl.strip():
                    p = parse_param(" ".join(fl.split()), m.group("sname"))
                    fields.append((p.ctype, p.name))
            h.structs[m.group("sname")] = fields
            h.struct_docs[m.group("sname")] = doc
        elif m.group("opaque"):
            h.opaque.add(m.group("oalias"))
        elif m.group("alias"):
            h.aliases[m.group("aname")] = " ".join(m.group("abase").split())
        elif m.group("func"):
            name, args = m.group("fname"), " ".join(m.group("args").split())
            if "..." in args:
                raise HeaderError(f"{name}: variadic functions cannot be interfaced")
            params = [] if args in ("", "void") else [parse_param(a, name) for a in split_params(args)]
            h.functions.append(Function(name, " ".join(m.group("ret").replace("*", " * ").split()), params, doc))
        elif m.group("other") is not None:
            line = m.group(0)
            if re.search(r"\blapis_\w+\s*\(", line) and not line.lstrip().startswith("*"):
                raise HeaderError(f"cannot read the declaration starting '{line.strip()}'")
            continue
        doc = ""
    return h


SCALAR_KINDS = {
    "int64_t": "integer(c_int64_t)", "uint64_t": "integer(c_int64_t)",
    "int32_t": "integer(c_int32_t)", "uint32_t": "integer(c_int32_t)",
    "int": "integer(c_int)", "size_t": "integer(c_size_t)",
    "double": "real(c_double)", "float": "real(c_float)", "bool": "logical(c_bool)",
    "char": "character(kind=c_char)",
    "float _Complex": "complex(c_float_complex)", "double _Complex": "complex(c_double_complex)",
}
# A pointer parameter followed by one of these is an array (a BLAS vector
# with its increment, a matrix with its leading dimension, a buffer with
# its length); other non-const pointers to numbers are scalar out-parameters.
LENGTH_FOLLOWER = re.compile(r"^(n|.*_len|inc\w*|ld\w*)$")


class Mapper:
    def __init__(self, h):
        self.h = h

    def resolve(self, base):
        seen = set()
        while base in self.h.aliases and base not in seen:
            seen.add(base)
            base = self.h.aliases[base]
        return base

    def struct_type(self, name):
        return f"type({name}_t)"

    def complex_kind(self, name):
        """complex(c_float_complex)/complex(c_double_complex) for a struct
        {T re; T im;} (the header documents its layout as C99's complex)."""
        f = self.h.structs.get(name)
        if f and [n for _, n in f] == ["re", "im"] and f[0][0] == f[1][0] and f[0][0] in ("float", "double"):
            return "complex(c_float_complex)" if f[0][0] == "float" else "complex(c_double_complex)"
        return None

    def value_type(self, base, what):
        r = self.resolve(base)
        if r in SCALAR_KINDS and r != "char":
            return SCALAR_KINDS[r]
        if base in self.h.enums or r in self.h.enums:
            return "integer(c_int)"
        if base in self.h.structs:
            return self.struct_type(base)
        raise HeaderError(f"{what}: no Fortran mapping for C type '{base}'")

    def param(self, fn, i):
        """(Fortran type spec with attributes, dimension suffix) of parameter i."""
        p = fn.params[i]
        what = f"{fn.name}({p.name})"
        if p.funptr:
            return "type(c_funptr), value", ""
        toks = p.ctype.split()
        stars = toks.count("*")
        base = " ".join(t for t in toks if t not in ("const", "*"))
        if stars == 0:
            return self.value_type(base, what) + ", value", ""
        # const applies to the pointee when it comes before the first '*'
        pointee_const = "const" in toks[:toks.index("*")]
        intent = "intent(in)" if pointee_const else "intent(inout)"
        if stars == 1:
            # FILE * (C's stdio stream): opaque to Fortran, c_null_ptr
            # selects the function's default stream.
            if base in self.h.opaque or base in ("void", "FILE"):
                return "type(c_ptr), value", ""
            if self.resolve(base) == "char":
                return f"character(kind=c_char), {intent}", "(*)"
            nxt = fn.params[i + 1].name if i + 1 < len(fn.params) else ""
            is_array = pointee_const or bool(LENGTH_FOLLOWER.match(nxt))
            t = self.complex_kind(base) or self.value_type(base, what)
            return f"{t}, {intent}", "(*)" if is_array else ""
        # T **: an array of pointers when the inner pointer is const
        # (`const lapis_array *const *operands`), else a pointer out-parameter.
        inner = toks[toks.index("*") + 1:]
        if stars == 2 and inner and inner[0] == "const":
            return "type(c_ptr), intent(in)", "(*)"
        return "type(c_ptr), intent(inout)", ""

    def result(self, fn):
        toks = fn.ret.split()
        if "*" in toks:
            return "type(c_ptr)"
        base = " ".join(t for t in toks if t != "const")
        if base == "void":
            return None
        return self.value_type(base, f"{fn.name} (result)")


def kind_names(spec):
    return re.findall(r"\b(c_\w+|lapis_\w+_t)\b", spec)


def wrap_line(head, items, indent, tail=""):
    """`head item, item, ...tail` broken with '&' so that lines stay short."""
    lines, cur = [], head
    for j, it in enumerate(items):
        piece = it + (", " if j < len(items) - 1 else "")
        if len(cur) + len(piece) > 100:
            lines.append(cur.rstrip() + " &")
            cur = " " * (indent + 2) + piece
        else:
            cur += piece
    if len(cur) + len(tail) > 100 and tail.startswith(")"):
        lines.append(cur + ") &")
        cur = " " * (indent + 2) + tail[1:].lstrip()
        tail = ""
    lines.append(cur + tail)
    return lines


def comment(text, indent):
    pad = " " * indent
    return [pad + "! " + ln for ln in textwrap.wrap(text, 96 - indent)] if text else []


def render_interface(mp, fn):
    used = {p.name.lower() for p in fn.params}
    res = mp.result(fn)
    rname = "ret"
    while rname in used:
        rname += "_"
    specs = [mp.param(fn, i) for i in range(len(fn.params))]
    kinds = sorted({k for s, _ in specs for k in kind_names(s)} | (set(kind_names(res)) if res else set()))
    args = [p.name for p in fn.params]
    out = comment(first_sentence(fn.doc), 4)
    if res:
        out += wrap_line(f"    function {fn.name}(", args, 4, f') bind(c, name="{fn.name}") result({rname})')
    else:
        out += wrap_line(f"    subroutine {fn.name}(", args, 4, f') bind(c, name="{fn.name}")')
    if kinds:
        out.append("      import :: " + ", ".join(kinds))
    for p, (spec, dim) in zip(fn.params, specs):
        out.append(f"      {spec} :: {p.name}{dim}")
    if res:
        out.append(f"      {res} :: {rname}")
        out.append(f"    end function {fn.name}")
    else:
        out.append(f"    end subroutine {fn.name}")
    return out


INT32_RANGE = (-2**31, 2**31 - 1)  # int32_t


def int64_params(h):
    """Parameter names that are int64_t in every prototype that has them."""
    kinds = {}
    for fn in h.functions:
        for p in fn.params:
            kinds.setdefault(p.name, set()).add(p.ctype)
    return {n for n, ks in kinds.items() if ks == {"int64_t"}}


def render_constant(name, val, doc, is_enum, i64):
    """A Fortran parameter for `#define name val` or an enum member. Integer
    constants take the kind of the C parameters they are passed as: members
    of lapis_status c_int, option codes (members of the LAPIS_CODE_BASE
    enums) c_int32_t; int64 when the value needs it, when it is negative (a
    sentinel for an int64_t count or index: LAPIS_FFT_DEFAULT, LAPIS_ALL_AXES)
    or when the doc names int64_t parameters ('pass as `naxes`'); else int32
    (the int32_t code typedefs: lapis_dtype, lapis_order, lapis_trans, ...)."""
    out = comment(first_sentence(doc), 2)
    if re.fullmatch(r'"[^"\\]*"', val):
        return out + [f"  character(len=*), parameter, public :: {name} = {val}"]
    if val in ("INT64_MIN", "INT64_MAX"):
        expr = "-huge(0_c_int64_t) - 1_c_int64_t" if val == "INT64_MIN" else "huge(0_c_int64_t)"
        return out + [f"  integer(c_int64_t), parameter, public :: {name} = {expr}"]
    v = val.strip("()")
    if not re.fullmatch(r"-?\d+", v):
        raise HeaderError(f"{name}: no Fortran mapping for the constant value '{val}'")
    n = int(v)
    if is_enum == "code":
        kind = "c_int32_t"
    elif is_enum:
        kind = "c_int"
    elif n < 0 or n > INT32_RANGE[1] or set(re.findall(r"`(\w+)`", doc)) & i64:
        kind = "c_int64_t"
    else:
        kind = "c_int32_t"
    return out + [f"  integer({kind}), parameter, public :: {name} = {n}_{kind}"]


RAW_INTRO = """\
! Module lapis_c: the C API as it is. Every function of lapis.h has an
! interface with the same name here (bind(c, name="...")), every constant a
! parameter. Mapping of the C types:
!   int64_t, int32_t, size_t, double, float, bool  -> value dummies of the
!       iso_c_binding kinds (uint64_t -> integer(c_int64_t): seeds are bits);
!   the int32_t code typedefs (lapis_dtype, lapis_order, ...) -> integer(c_int32_t),
!       lapis_status -> integer(c_int);
!   lapis_array * (a handle)                        -> type(c_ptr), value;
!   lapis_array ** (a new handle, written on success) -> type(c_ptr), intent(inout);
!   const lapis_array *const * (a list of handles)  -> type(c_ptr), intent(in) :: x(*);
!   const T * and T * followed by n, *_len, inc*, ld* -> T, intent(in/inout) :: x(*)
!       (assumed size: pass a Fortran array; T is real/integer/logical of the
!       C kind, or complex(c_float_complex)/complex(c_double_complex) for
!       lapis_complex64/lapis_complex128, whose layout is C99's complex);
!   any other T * (one value written on success)    -> T, intent(inout) scalar;
!   float _Complex, double _Complex                 -> complex(c_float_complex),
!       complex(c_double_complex) (by value, or arrays as above);
!   lapis_complex64/lapis_complex128 by value       -> type(lapis_complex64_t/
!       lapis_complex128_t), value (the C struct; `_t` because Fortran names
!       are case-insensitive and LAPIS_COMPLEX128 is a dtype code);
!   void * / void **                                -> type(c_ptr) value / by reference;
!   FILE * (a C stdio stream)                       -> type(c_ptr), value (c_null_ptr: the default);
!   const char * argument -> character(kind=c_char) :: s(*) (end it with
!       c_null_char); const char * result -> type(c_ptr) (lapis_f_string
!       converts it); function pointers -> type(c_funptr), value.
! Integer constants have the kind of the arguments they are passed as:
! c_int for the lapis_status codes, c_int64_t for the int64_t sentinels
! (negative values, INT64_MIN: LAPIS_ALL_AXES, LAPIS_SLICE_NONE, ...),
! c_int32_t for the code typedefs and flags.
! A C type with no rule here stops scripts/gen_fortran.py with the function's
! name, so no function of lapis.h can be left without an interface.
! Each interface is preceded by the first sentence of the C doc comment;
! the full contracts are in lapis.h.
"""


def render_raw(h):
    mp = Mapper(h)
    i64 = int64_params(h)
    body = []
    for name, val, doc, is_enum in h.constants:
        body += render_constant(name, val, doc, is_enum, i64)
    types = []
    for sname, fields in h.structs.items():
        types += comment(first_sentence(h.struct_docs.get(sname, "")), 2)
        types.append(f"  type, bind(c), public :: {sname}_t")
        for ct, fname in fields:
            types.append(f"    {mp.value_type(ct, sname + '.' + fname)} :: {fname}")
        types.append(f"  end type {sname}_t")
    ifaces = []
    for fn in h.functions:
        ifaces += render_interface(mp, fn)
    names = [c[0] for c in h.constants] + [f"{s}_t" for s in h.structs] + [f.name for f in h.functions] \
        + ["lapis_f_string", RAW_MODULE]
    seen = {}
    for n in names:
        if n.lower() in seen:
            raise HeaderError(f"'{n}' and '{seen[n.lower()]}' are the same Fortran name")
        seen[n.lower()] = n
    text_so_far = "\n".join(body + types + ifaces)
    kinds = sorted(set(re.findall(r"\bc_(?:int|int32_t|int64_t|size_t|bool|char|float|double|float_complex"
                                  r"|double_complex|ptr|funptr)\b", text_so_far)) | {"c_ptr", "c_size_t", "c_char",
                                                                                     "c_associated", "c_f_pointer"})
    out = [RAW_INTRO, f"module {RAW_MODULE}"]
    out += wrap_line("  use, intrinsic :: iso_c_binding, only: ", kinds, 2)
    out += ["  implicit none", "  private", "", "  public :: lapis_f_string"]
    out += wrap_line("  public :: ", [f.name for f in h.functions], 2)
    out += [""] + body + [""] + types + ["", "  interface"] + ifaces
    out += [
        "  end interface",
        "",
        "  interface",
        "    function c_strlen(s) bind(c, name=\"strlen\") result(n)",
        "      import :: c_ptr, c_size_t",
        "      type(c_ptr), value :: s",
        "      integer(c_size_t) :: n",
        "    end function c_strlen",
        "  end interface",
        "",
        "contains",
        "",
        "  !> The NUL-terminated C string at p as a Fortran string ('' for a null p),",
        "  !> e.g. lapis_f_string(lapis_version()) or lapis_f_string(lapis_last_error()).",
        "  function lapis_f_string(p) result(s)",
        "    type(c_ptr), intent(in) :: p",
        "    character(:), allocatable :: s",
        "    character(kind=c_char), pointer :: cs(:)",
        "    integer :: n, i",
        "    if (.not. c_associated(p)) then",
        "      s = ''",
        "      return",
        "    end if",
        "    n = int(c_strlen(p))",
        "    call c_f_pointer(p, cs, [n])",
        "    allocate(character(n) :: s)",
        "    do i = 1, n",
        "      s(i:i) = cs(i)",
        "    end do",
        "  end function lapis_f_string",
        "",
        f"end module {RAW_MODULE}",
        "",
    ]
    return out


# ---------------------------------------------------------------- lapis_c names the high-level layer uses
RAW_USED = {
    "c_last_error": "lapis_last_error", "c_set_last_error": "lapis_set_last_error",
    "c_wrap": "lapis_array_wrap", "c_ndim": "lapis_array_ndim",
    "c_shape": "lapis_array_shape", "c_copyto": "lapis_array_copyto", "c_free": "lapis_array_free",
    "c_gemm": "lapis_gemm", "c_gemv": "lapis_gemv", "c_axpy": "lapis_axpy", "c_scal": "lapis_scal",
    "c_dot": "lapis_dotu", "c_dotc": "lapis_dotc", "c_syrk": "lapis_syrk", "c_herk": "lapis_herk",
    "c_solve": "lapis_linalg_solve", "c_inv": "lapis_linalg_inv",
    "c_det_scalar": "lapis_linalg_det_scalar", "c_cholesky": "lapis_linalg_cholesky",
    "c_eigh": "lapis_linalg_eigh", "c_eigh_generalized": "lapis_linalg_eigh_generalized",
    "c_svd": "lapis_linalg_svd", "c_norm": "lapis_linalg_norm",
    "c_trsm": "lapis_trsm", "c_solve_triangular": "lapis_linalg_solve_triangular",
    "c_cholesky_inplace": "lapis_linalg_cholesky_inplace",
    "c_eigh_generalized_subset": "lapis_linalg_eigh_generalized_subset",
    "c_cho_factor": "lapis_linalg_cho_factor", "c_cho_solve": "lapis_linalg_cho_solve",
    "c_lu_factor": "lapis_linalg_lu_factor", "c_lu_solve": "lapis_linalg_lu_solve",
    "c_qr_raw": "lapis_linalg_qr_raw", "c_lstsq_rcond": "lapis_linalg_lstsq_rcond",
    "c_matrix_rank_stacked": "lapis_linalg_matrix_rank_stacked",
    "c_profile_report_string": "lapis_profile_report_string",
}
for op in ("add", "subtract", "multiply", "divide", "exp", "sqrt", "absolute"):
    RAW_USED[f"c_{op}_out"] = f"lapis_{op}_out"
for op in ("sum", "mean", "max", "min"):
    RAW_USED[f"c_{op}_all"] = f"lapis_{op}_all"
for op in ("fft", "ifft", "rfft", "irfft", "fftn", "ifftn"):
    RAW_USED[f"c_fft_{op}_out"] = f"lapis_fft_{op}_out"


HEADER = """\
! lapis.f90 -- the Fortran interface to lapis: modules `lapis_c` (the C API,
! function by function) and `lapis` (generic wrappers of Fortran arrays).
!
! GENERATED from lapis.h by scripts/gen_fortran.py: edit the generator (or
! the C sources the header comes from), not this file.
!
! Build it with the compiler you build your program with (module files are
! compiler-specific, so the source is installed, not a .mod). Module lapis
! takes assumed-rank arrays (Fortran 2018: gfortran >= 10, no -std or
! -std=f2018); the programs that use it may be Fortran 2008.
!
!   gfortran -c $(PREFIX)/include/lapis.f90   # -> lapis_c.mod, lapis.mod, lapis.o
!   gfortran prog.f90 lapis.o $(pkg-config --libs lapis)           # shared
!   gfortran prog.f90 lapis.o $(pkg-config --libs lapis-static)    # static
!
! Module lapis: every wrapper works on plain Fortran arrays of real(c_float),
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
! final binding, so copies of the type never double-free). arr%handle()
! is the C handle, for calling any function of lapis_c on the array.
! Module lapis also gives lapis_c's constants and types (LAPIS_OK,
! LAPIS_FLOAT64, lapis_complex128_t, ...) and lapis_f_string. Some of its
! generic names are also C function names (lapis_sqrt, lapis_sum, ...), so a
! unit that uses both modules renames or selects one side:
!   use lapis_c, only: c_sqrt => lapis_sqrt
!
"""


def render(h):
    """The text of include/lapis.f90 for the parsed header h."""
    fnames = {f.name for f in h.functions}
    missing = sorted(set(RAW_USED.values()) - fnames)
    if missing:
        raise HeaderError("the high-level layer calls functions lapis.h does not have: " + ", ".join(missing))
    reexport = [c[0] for c in h.constants] + [f"{s}_t" for s in h.structs] + [
        "lapis_f_string", "lapis_profile_enable", "lapis_profile_disable", "lapis_profile_reset"]
    out = [HEADER.rstrip("\n")] + render_raw(h) + ["", "module lapis"]
    out += [
        "  use, intrinsic :: iso_c_binding, only: c_ptr, c_null_ptr, c_loc, c_associated, c_int, c_null_char, c_char, &",
        "    c_int32_t, c_int64_t, c_intptr_t, c_size_t, c_bool, c_float, c_double, &",
        "    c_float_complex, c_double_complex",
        "  use, intrinsic :: iso_fortran_env, only: error_unit, output_unit",
    ]
    out += wrap_line(f"  use {RAW_MODULE}, only: ", [f"{k} => {v}" for k, v in RAW_USED.items()], 2)
    out += wrap_line(f"  use {RAW_MODULE}, only: ", reexport, 2)
    out += ["  implicit none", "  private", ""]
    out += wrap_line("  public :: ", reexport, 2)
    out += ["  public :: lapis_profile_print"]
    out += [
        "",
        "  !> A lapis array handle (from lapis_wrap). Free it with arr%free();",
        "  !> arr%handle() is the lapis_array* for the functions of lapis_c.",
        "  type, public :: lapis_array_t",
        "    type(c_ptr), private :: h = c_null_ptr",
        "  contains",
        "    procedure :: free => array_free",
        "    procedure :: is_null => array_is_null",
        "    procedure :: handle => array_handle",
        "  end type lapis_array_t",
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
            line = "    module procedure " + ", ".join(names[i:i + 4])
            if len(line) > 132:  # free-form line limit: two names a line
                out += ["    module procedure " + ", ".join(names[j:j + 2]) for j in range(i, i + 4, 2)]
            else:
                out.append(line)
        out.append(f"  end interface {g}")
    out += [
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
  type(lapis_complex128_t) function to_c128_s(v)
    real(c_float), intent(in) :: v
    to_c128_s = lapis_complex128_t(real(v, c_double), 0.0_c_double)
  end function to_c128_s

  type(lapis_complex128_t) function to_c128_d(v)
    real(c_double), intent(in) :: v
    to_c128_d = lapis_complex128_t(v, 0.0_c_double)
  end function to_c128_d

  type(lapis_complex128_t) function to_c128_c(v)
    complex(c_float_complex), intent(in) :: v
    to_c128_c = lapis_complex128_t(real(real(v), c_double), real(aimag(v), c_double))
  end function to_c128_c

  type(lapis_complex128_t) function to_c128_z(v)
    complex(c_double_complex), intent(in) :: v
    to_c128_z = lapis_complex128_t(real(v), aimag(v))
  end function to_c128_z

  subroutine array_free(self)
    class(lapis_array_t), intent(inout) :: self
    call release(self%h)
  end subroutine array_free

  logical function array_is_null(self)
    class(lapis_array_t), intent(in) :: self
    array_is_null = .not. c_associated(self%h)
  end function array_is_null

  type(c_ptr) function array_handle(self)
    class(lapis_array_t), intent(in) :: self
    array_handle = self%h
  end function array_handle

  subroutine release(h)
    type(c_ptr), intent(inout) :: h
    integer(c_int) :: st
    ! A lapis_array_t owns its handle alone, so the free cannot fail.
    if (c_associated(h)) st = c_free(h)
    h = c_null_ptr
  end subroutine release

  ! Records a message for an error found on the Fortran side (bad option
  ! letter, result shape) in lapis's per-thread last error, where check()
  ! reads it: thread-safe, as lapis's own messages are.
  subroutine set_pending(msg)
    character(*), intent(in) :: msg
    integer(c_int) :: st
    st = c_set_last_error(msg // c_null_char)
  end subroutine set_pending

  function last_error() result(msg)
    character(:), allocatable :: msg
    msg = lapis_f_string(c_last_error())
  end function last_error

  !> Writes lapis's profiler table (as lapis_profile_report prints it) to
  !> `unit` (default: output_unit), one routine per line. Switch the
  !> profiler on with lapis_profile_enable() or LAPIS_PROFILE=1.
  subroutine lapis_profile_print(unit)
    integer, intent(in), optional :: unit
    character(kind=c_char) :: none(1)
    character(kind=c_char), allocatable :: buf(:)
    character(:), allocatable :: line
    integer(c_int64_t) :: need
    integer(c_int32_t) :: st
    integer :: u, i
    u = output_unit
    if (present(unit)) u = unit
    need = 0
    st = c_profile_report_string(none, 0_c_int64_t, need)
    if (st /= 0 .or. need < 1) return
    allocate(buf(need))
    st = c_profile_report_string(buf, need, need)
    if (st /= 0) return
    line = ''
    do i = 1, int(need) - 1
      if (buf(i) == achar(10)) then
        write (u, '(a)') line
        line = ''
      else
        line = line // buf(i)
      end if
    end do
    if (len(line) > 0) write (u, '(a)') line
  end subroutine lapis_profile_print

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
    msg = last_error()
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
      call set_pending("trans must be 'N', 'T' or 'C', got '" // c // "'")
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
      call set_pending("dim = " // trim(buf) // " is out of range")
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
      call set_pending("norm must be 'backward', 'ortho' or 'forward', got '" // norm // "'")
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
      call set_pending("uplo must be 'U' or 'L', got '" // c // "'")
    end select
  end function uplo_code

  function side_code(c, code) result(st)
    character, intent(in) :: c
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    select case (c)
    case ('L', 'l')
      code = LAPIS_LEFT
    case ('R', 'r')
      code = LAPIS_RIGHT
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending("side must be 'L' or 'R', got '" // c // "'")
    end select
  end function side_code

  function diag_code(c, code) result(st)
    character, intent(in) :: c
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    select case (c)
    case ('N', 'n')
      code = LAPIS_NON_UNIT
    case ('U', 'u')
      code = LAPIS_UNIT
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending("diag must be 'N' or 'U', got '" // c // "'")
    end select
  end function diag_code

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
      st = c_wrap(c_null_ptr, 0_c_size_t, 0_c_int64_t, dtype, int(size(shp), c_int64_t), shp, strd, &
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
    st = c_wrap(transfer(first + int(lo, c_intptr_t), c_null_ptr), int(hi - lo + elsize, c_size_t), -lo, dtype, &
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
      call set_pending('the result has shape ' // shape_text(nr, sr) &
        // ' but the destination array has shape ' // shape_text(nd, sd))
      return
    end if
    st = c_copyto(d, r)
  end function copy_out
"""


def header_function_names(text):
    """Every lapis_ function the header declares, found without the parser
    (identifiers followed by '(' outside comments and #define lines), so
    that a declaration the parser skips still counts."""
    code = re.sub(r"^\s*#.*$", "", strip_comments(text), flags=re.M)
    return set(re.findall(r"\b(lapis_\w+)\s*\(", code))


def bound_names(module_text):
    """The C names of the module's bind(c, name="...") interfaces."""
    return set(re.findall(r"""bind\(\s*c\s*,\s*name\s*=\s*["'](\w+)["']\s*\)""", module_text, re.I))


def check(header_text, module_text):
    """Problems of module_text w.r.t. header_text: C functions without an
    interface (by name), functions the parser missed, a stale module."""
    problems = []
    h = parse_header(header_text)
    declared = header_function_names(header_text)
    parsed = {f.name for f in h.functions}
    for name in sorted(declared - parsed):
        problems.append(f"{name}: declared in lapis.h but not read by the generator")
    for name in sorted(declared - bound_names(module_text)):
        problems.append(f"{name}: no Fortran interface (bind(c, name=\"{name}\")) in include/lapis.f90")
    if module_text != render(h):
        problems.append("include/lapis.f90 is stale: it is not what scripts/gen_fortran.py makes from "
                        "include/lapis.h (run python3 scripts/gen_fortran.py)")
    return problems


def drop_interface(module_text, name):
    """module_text without the interface body of C function `name`."""
    pat = re.compile(rf"^ *(function|subroutine) {name}\(.*?^ *end \1 {name}\n", re.S | re.M)
    out, n = pat.subn("", module_text)
    assert n == 1, f"self-test: no interface body for {name} to drop"
    return out


def self_test(header_text):
    """--check must name a function whose interface is missing, whether the
    module lost it (edited by hand) or the generator skipped it."""
    h = parse_header(header_text)
    module_text = render(h)
    assert check(header_text, module_text) == [], check(header_text, module_text)
    fns = h.functions
    for victim in (fns[0].name, fns[len(fns) // 2].name, fns[-1].name):
        got = check(header_text, drop_interface(module_text, victim))
        assert len(got) == 2 and got[0].startswith(victim + ": no Fortran interface") and "stale" in got[1], got
        print(f"self-test: an interface of {victim} removed from the module -> reported by name")
    # the generator skips a function: render from the parsed set without it
    victim = fns[len(fns) // 3]
    h.functions = [f for f in fns if f is not victim]
    got = check(header_text, render(h))
    assert got and got[0].startswith(victim.name + ": no Fortran interface"), got
    print(f"self-test: {victim.name} dropped from the parsed set -> reported by name")
    # a new C function the module does not have yet
    extra = header_text.replace("#ifdef __cplusplus\n}", "lapis_status lapis_selftest_new(int64_t n);\n\n"
                                "#ifdef __cplusplus\n}", 1)
    assert extra != header_text, "self-test: no end of the extern \"C\" block in lapis.h"
    got = check(extra, module_text)
    assert got[0].startswith("lapis_selftest_new: no Fortran interface") and "stale" in got[-1], got
    print("self-test: a function added to lapis.h -> reported by name, module stale")
    # C types lapis.h does not use today map too (or stop the generator)
    probe = parse_header("typedef int32_t lapis_code;\n"
                         "lapis_status lapis_probe(double _Complex z, const float _Complex *v, int64_t n,\n"
                         "                         void (*cb)(int64_t), lapis_code c, char **msg);\n")
    mp = Mapper(probe)
    got = [mp.param(probe.functions[0], i) for i in range(6)]
    assert got == [("complex(c_double_complex), value", ""), ("complex(c_float_complex), intent(in)", "(*)"),
                   ("integer(c_int64_t), value", ""), ("type(c_funptr), value", ""),
                   ("integer(c_int32_t), value", ""), ("type(c_ptr), intent(inout)", "")], got
    try:
        mp.param(parse_header("lapis_status lapis_probe(long double x);\n").functions[0], 0)
        raise AssertionError("self-test: long double was mapped")
    except HeaderError as e:
        assert "lapis_probe(x)" in str(e), e
    print("self-test: C99 complex, function pointers, typedefs map; an unknown C type names its function")


def main():
    with open(HEADER_PATH) as f:
        header_text = f.read()
    try:
        if "--self-test" in sys.argv:
            self_test(header_text)
            print("self-test: passed")
            return
        if "--check" in sys.argv:
            with open(OUT) as f:
                problems = check(header_text, f.read())
            for p in problems:
                print("gen_fortran --check: " + p, file=sys.stderr)
            if problems:
                sys.exit(1)
            return
        text = render(parse_header(header_text))
    except HeaderError as e:
        print(f"gen_fortran: lapis.h: {e}", file=sys.stderr)
        sys.exit(2)
    with open(OUT, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
