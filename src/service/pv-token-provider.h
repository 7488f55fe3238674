/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PV_TYPE_TOKEN_PROVIDER (pv_token_provider_get_type ())

G_DECLARE_INTERFACE (PvTokenProvider, pv_token_provider, PV, TOKEN_PROVIDER, GObject)

/**
 * PvTokenProviderInterface:
 * @get_token_async: gets a bearer token, signing in or refreshing as needed
 * @get_token_finish: finishes @get_token_async
 * @invalidate: the service refused @token (401); the next request must
 *   not be given it again
 *
 * What the client asks for credentials. The sandbox needs none (the client
 * then sends no Authorization header); a real tenant's sign-in implements
 * this interface.
 */
struct _PvTokenProviderInterface
{
  GTypeInterface parent_iface;

  void   (*get_token_async)  (PvTokenProvider     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  char  *(*get_token_finish) (PvTokenProvider     *self,
                              GAsyncResult        *result,
                              GError             **error);
  void   (*invalidate)       (PvTokenProvider     *self,
                              const char          *token);
};

void  pv_token_provider_get_token_async  (PvTokenProvider     *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char *pv_token_provider_get_token_finish (PvTokenProvider     *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void  pv_token_provider_invalidate       (PvTokenProvider     *self,
                                          const char          *token);

G_END_DECLS
