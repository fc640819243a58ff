// Decap's ES modules import their neighbours without the `.js` a browser bundler adds: Node
// is told to try it (only for relative imports that are not found as written).
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (specifier.startsWith(".") && !specifier.endsWith(".js")) {
      return next(`${specifier}.js`, context);
    }
    throw error;
  }
}
