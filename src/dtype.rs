//! The four element types of lapis as a run-time tag, with NumPy's promotion.
//!
//! The numeric codes are stable: the C ABI exposes them as `lapis_dtype`.

use std::fmt;

/// Element type tag: `f32`, `f64`, `Complex32`, `Complex64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum DType {
    /// 32-bit IEEE float (NumPy `float32`, BLAS prefix `s`).
    F32 = 1,
    /// 64-bit IEEE float (NumPy `float64`, BLAS prefix `d`).
    F64 = 2,
    /// Complex of two `f32` (NumPy `complex64`, BLAS prefix `c`).
    C64 = 3,
    /// Complex of two `f64` (NumPy `complex128`, BLAS prefix `z`).
    C128 = 4,
}

impl DType {
    /// All four, in code order.
    pub const ALL: [DType; 4] = [DType::F32, DType::F64, DType::C64, DType::C128];

    /// NumPy's name: `float32`, `float64`, `complex64`, `complex128`.
    pub const fn name(self) -> &'static str {
        match self {
            DType::F32 => "float32",
            DType::F64 => "float64",
            DType::C64 => "complex64",
            DType::C128 => "complex128",
        }
    }

    /// NumPy's one-letter type code: `f`, `d`, `F`, `D`.
    pub const fn char_code(self) -> char {
        match self {
            DType::F32 => 'f',
            DType::F64 => 'd',
            DType::C64 => 'F',
            DType::C128 => 'D',
        }
    }

    /// The BLAS/LAPACK routine prefix: `s`, `d`, `c`, `z`.
    pub const fn blas_prefix(self) -> char {
        match self {
            DType::F32 => 's',
            DType::F64 => 'd',
            DType::C64 => 'c',
            DType::C128 => 'z',
        }
    }

    /// The stable numeric code (1..=4) used by the C ABI.
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// The tag for a numeric code, or `None` if the code is unknown.
    pub const fn from_code(code: u32) -> Option<DType> {
        match code {
            1 => Some(DType::F32),
            2 => Some(DType::F64),
            3 => Some(DType::C64),
            4 => Some(DType::C128),
            _ => None,
        }
    }

    /// Parses NumPy's names and codes (`"float64"`, `"f8"`, `"d"`, `"complex128"`, `"c16"`, `"D"`, …).
    pub fn from_name(name: &str) -> Option<DType> {
        match name {
            "float32" | "f4" | "f" | "single" => Some(DType::F32),
            "float64" | "f8" | "d" | "double" | "float" => Some(DType::F64),
            "complex64" | "c8" | "F" | "csingle" => Some(DType::C64),
            "complex128" | "c16" | "D" | "cdouble" | "complex" => Some(DType::C128),
            _ => None,
        }
    }

    /// Size of one element in bytes.
    pub const fn itemsize(self) -> usize {
        match self {
            DType::F32 => 4,
            DType::F64 | DType::C64 => 8,
            DType::C128 => 16,
        }
    }

    /// Whether the type is complex.
    pub const fn is_complex(self) -> bool {
        matches!(self, DType::C64 | DType::C128)
    }

    /// The real type of the same precision (`C64 → F32`, `C128 → F64`).
    pub const fn real(self) -> DType {
        match self {
            DType::F32 | DType::C64 => DType::F32,
            DType::F64 | DType::C128 => DType::F64,
        }
    }

    /// The complex type of the same precision (`F32 → C64`, `F64 → C128`).
    pub const fn complex(self) -> DType {
        match self {
            DType::F32 | DType::C64 => DType::C64,
            DType::F64 | DType::C128 => DType::C128,
        }
    }

    /// Whether the type carries 64-bit parts.
    pub const fn is_double(self) -> bool {
        matches!(self, DType::F64 | DType::C128)
    }

    /// NumPy's `result_type` for two of these types: the smallest type that
    /// holds both without loss (`f32·f64 → f64`, `f32·c64 → c64`,
    /// `f64·c64 → c128`, `c64·c128 → c128`).
    pub const fn promote(self, other: DType) -> DType {
        let double = self.is_double() || other.is_double();
        let complex = self.is_complex() || other.is_complex();
        match (double, complex) {
            (false, false) => DType::F32,
            (true, false) => DType::F64,
            (false, true) => DType::C64,
            (true, true) => DType::C128,
        }
    }

    /// NumPy's `can_cast(self, to, casting="same_kind")`: a real type casts
    /// to any type; a complex type only to complex types. Complex → real
    /// needs an explicit request, since it drops the imaginary part.
    pub const fn can_cast_same_kind(self, to: DType) -> bool {
        !self.is_complex() || to.is_complex()
    }

    /// NumPy's `can_cast(self, to, casting="safe")`: no loss of precision or kind.
    pub const fn can_cast_safe(self, to: DType) -> bool {
        (self.promote(to) as u32) == (to as u32)
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promotion_matches_numpy_table() {
        use DType::*;
        // NumPy: np.result_type(a, b) for each pair.
        let table = [
            (F32, F32, F32),
            (F32, F64, F64),
            (F32, C64, C64),
            (F32, C128, C128),
            (F64, F64, F64),
            (F64, C64, C128),
            (F64, C128, C128),
            (C64, C64, C64),
            (C64, C128, C128),
            (C128, C128, C128),
        ];
        for (a, b, r) in table {
            assert_eq!(a.promote(b), r, "{a} * {b}");
            assert_eq!(b.promote(a), r, "{b} * {a}");
        }
    }

    #[test]
    fn codes_and_names_round_trip() {
        for d in DType::ALL {
            assert_eq!(DType::from_code(d.code()), Some(d));
            assert_eq!(DType::from_name(d.name()), Some(d));
            assert_eq!(DType::from_name(&d.char_code().to_string()), Some(d));
        }
        assert_eq!(DType::from_code(0), None);
        assert_eq!(DType::from_code(5), None);
        assert_eq!(DType::from_name("int64"), None);
    }

    #[test]
    fn casting_rules() {
        use DType::*;
        assert!(F64.can_cast_safe(C128));
        assert!(!F64.can_cast_safe(F32));
        assert!(!C64.can_cast_same_kind(F64));
        assert!(F64.can_cast_same_kind(F32));
        assert!(F32.can_cast_safe(C64));
        assert!(!F64.can_cast_safe(C64));
    }
}
