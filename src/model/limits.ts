/** Numeric limits of the registry and of the formats, stated once (FORMATS.md a.2, a.3, c.7). */

/** Largest REG_DWORD / ADMX decimal. */
export const DWORD_MAX = 0xffffffffn;
/** Largest REG_QWORD / ADMX longDecimal. */
export const QWORD_MAX = (1n << 64n) - 1n;
/** Largest data of one Registry.pol record ([MS-GPREG] ABNF; larger is unverified). */
export const POL_DATA_MAX_BYTES = 65535;
