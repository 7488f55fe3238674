/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-token-provider.h"

G_DEFINE_INTERFACE (PvTokenProvider, pv_token_provider, G_TYPE_OBJECT)

static void
pv_token_provider_default_init (PvTokenProviderInterface *iface)
{
}

void
pv_token_provider_get_token_async (PvTokenProvider     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (PV_IS_TOKEN_PROVIDER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  PV_TOKEN_PROVIDER_GET_IFACE (self)->get_token_async (self, cancellable, callback, user_data);
}

char *
pv_token_provider_get_token_finish (PvTokenProvider  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (PV_IS_TOKEN_PROVIDER (self), NULL);

  return PV_TOKEN_PROVIDER_GET_IFACE (self)->get_token_finish (self, result, error);
}

void
pv_token_provider_invalidate (PvTokenProvider *self,
                              const char      *token)
{
  g_return_if_fail (PV_IS_TOKEN_PROVIDER (self));

  if (PV_TOKEN_PROVIDER_GET_IFACE (self)->invalidate != NULL)
    PV_TOKEN_PROVIDER_GET_IFACE (self)->invalidate (self, token);
}
