/**
 * A stand-in for Excel's CustomFunctions global: an Error class carrying code and message and
 * the ErrorCode enum, as the runtime provides them. Installed before the functions are called.
 */
export class StubFejl extends Error {
  constructor(
    readonly code: string,
    override readonly message: string = "",
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export const associeret = new Map<string, unknown>();

export function installerCustomFunctions(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StubFejl,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: (id: string, fn: unknown) => associeret.set(id, fn),
  };
}

installerCustomFunctions();

/** Calls fn like Excel does and returns the raised CustomFunctions.Error, failing if none. */
export function fejlFra(fn: () => unknown): StubFejl {
  try {
    const v = fn();
    throw new Error(`forventede CustomFunctions.Error, fik ${JSON.stringify(v)}`);
  } catch (e) {
    if (e instanceof StubFejl) return e;
    throw e;
  }
}
