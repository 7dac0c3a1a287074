//! The ufunc catalogue: which functions exist, their NumPy names, which
//! dtypes they accept and which dtype they return.

use crate::dtype::DType;
use crate::error::{Error, Result};

/// A one-operand ufunc (NumPy's name in [`UnaryOp::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UnaryOp {
    Negative,
    /// |x|; complex → real.
    Abs,
    Sqrt,
    Square,
    Reciprocal,
    Exp,
    Expm1,
    Log,
    Log1p,
    Log10,
    Log2,
    Sin,
    Cos,
    Tan,
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Conj,
    /// Real part; complex → real (a copy; [`NdArray::real`](crate::NdArray::real) is the view).
    Real,
    /// Imaginary part; complex → real, zeros for real input.
    Imag,
    /// Phase angle in radians; complex → real (0 or π for reals).
    Angle,
    /// Real input only.
    Floor,
    /// Real input only.
    Ceil,
    /// Round half to even (NumPy's `round`/`rint`); real input only.
    Round,
    /// ±1/0 (NaN for NaN); `z/|z|` for complex (NumPy 2).
    Sign,
}

/// A two-operand ufunc (NumPy's name in [`BinaryOp::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BinaryOp {
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    /// NaN-propagating; complex ordered lexicographically.
    Maximum,
    /// NaN-propagating; complex ordered lexicographically.
    Minimum,
    /// NaN-ignoring maximum.
    Fmax,
    /// NaN-ignoring minimum.
    Fmin,
    /// Real input only.
    Arctan2,
    /// Real input only.
    Hypot,
    /// Real input only.
    Copysign,
}

impl UnaryOp {
    /// Every unary ufunc, in declaration order.
    pub const ALL: [UnaryOp; 28] = {
        use UnaryOp::*;
        [
            Negative, Abs, Sqrt, Square, Reciprocal, Exp, Expm1, Log, Log1p, Log10, Log2, Sin, Cos,
            Tan, Arcsin, Arccos, Arctan, Sinh, Cosh, Tanh, Conj, Real, Imag, Angle, Floor, Ceil,
            Round, Sign,
        ]
    };

    /// NumPy's name (`"negative"`, `"arcsin"`, …).
    pub const fn name(self) -> &'static str {
        use UnaryOp::*;
        match self {
            Negative => "negative",
            Abs => "absolute",
            Sqrt => "sqrt",
            Square => "square",
            Reciprocal => "reciprocal",
            Exp => "exp",
            Expm1 => "expm1",
            Log => "log",
            Log1p => "log1p",
            Log10 => "log10",
            Log2 => "log2",
            Sin => "sin",
            Cos => "cos",
            Tan => "tan",
            Arcsin => "arcsin",
            Arccos => "arccos",
            Arctan => "arctan",
            Sinh => "sinh",
            Cosh => "cosh",
            Tanh => "tanh",
            Conj => "conjugate",
            Real => "real",
            Imag => "imag",
            Angle => "angle",
            Floor => "floor",
            Ceil => "ceil",
            Round => "round",
            Sign => "sign",
        }
    }

    /// The op named `name` (NumPy's names; also `abs`, `conj`, `rint`).
    pub fn from_name(name: &str) -> Option<UnaryOp> {
        match name {
            "abs" => Some(UnaryOp::Abs),
            "conj" => Some(UnaryOp::Conj),
            "rint" => Some(UnaryOp::Round),
            _ => Self::ALL.into_iter().find(|op| op.name() == name),
        }
    }

    /// Defined for real dtypes only.
    pub const fn real_only(self) -> bool {
        matches!(self, UnaryOp::Floor | UnaryOp::Ceil | UnaryOp::Round)
    }

    /// The dtype of the result for an input of `dtype`.
    pub const fn result_dtype(self, dtype: DType) -> DType {
        match self {
            UnaryOp::Abs | UnaryOp::Real | UnaryOp::Imag | UnaryOp::Angle => dtype.real(),
            _ => dtype,
        }
    }

    pub(crate) fn check(self, dtype: DType) -> Result<()> {
        if self.real_only() && dtype.is_complex() {
            return Err(unsupported(self.name(), dtype));
        }
        Ok(())
    }
}

impl BinaryOp {
    /// Every binary ufunc, in declaration order.
    pub const ALL: [BinaryOp; 12] = {
        use BinaryOp::*;
        [
            Add, Subtract, Multiply, Divide, Power, Maximum, Minimum, Fmax, Fmin, Arctan2, Hypot,
            Copysign,
        ]
    };

    /// NumPy's name (`"add"`, `"arctan2"`, …).
    pub const fn name(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "add",
            Subtract => "subtract",
            Multiply => "multiply",
            Divide => "divide",
            Power => "power",
            Maximum => "maximum",
            Minimum => "minimum",
            Fmax => "fmax",
            Fmin => "fmin",
            Arctan2 => "arctan2",
            Hypot => "hypot",
            Copysign => "copysign",
        }
    }

    /// The op named `name` (NumPy's names; also `true_divide`, `pow`).
    pub fn from_name(name: &str) -> Option<BinaryOp> {
        match name {
            "true_divide" => Some(BinaryOp::Divide),
            "pow" => Some(BinaryOp::Power),
            _ => Self::ALL.into_iter().find(|op| op.name() == name),
        }
    }

    /// Defined for real dtypes only.
    pub const fn real_only(self) -> bool {
        matches!(
            self,
            BinaryOp::Arctan2 | BinaryOp::Hypot | BinaryOp::Copysign
        )
    }

    pub(crate) fn check(self, dtype: DType) -> Result<()> {
        if self.real_only() && dtype.is_complex() {
            return Err(unsupported(self.name(), dtype));
        }
        Ok(())
    }
}

fn unsupported(name: &'static str, dtype: DType) -> Error {
    Error::UfuncType { ufunc: name, dtype }
}
