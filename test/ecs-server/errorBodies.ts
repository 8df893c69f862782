/**
 * Error bodies in the three shapes real ECS answers with (API notes §5), so clients are tested
 * against every one of them.
 */

/** API gateway: `{"error_code","error_msg","request_id"}`. */
export function gatewayError(code: string, message: string, requestId: string): object {
  return { error_code: code, error_msg: message, request_id: requestId };
}

/** Nova: the top-level key is the fault name (`itemNotFound`, `badRequest`, `unauthorized`, ...). */
export function novaFault(fault: string, code: number, message: string): object {
  return { [fault]: { code, message } };
}

/** Keystone: `{"error":{"code":401,"title","message"}}`. */
export function keystoneError(code: number, title: string, message: string): object {
  return { error: { code, title, message } };
}

/** Huawei native ECS: `{"error":{"code":"Ecs.0114","message"}}`. */
export function huaweiError(code: string, message: string): object {
  return { error: { code, message } };
}

export const UNPUBLISHED_ROUTE_MESSAGE =
  'The API does not exist or has not been published in the environment';
