/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-service-client.h"

G_BEGIN_DECLS

/* The members of a user the flows need: Graph's, and the voice members of
 * the extension, in one listing. */
#define PV_USER_SELECT "id,displayName,givenName,surname,mail,userPrincipalName," \
                       "onPremisesSamAccountName,onPremisesSyncEnabled,usageLocation," \
                       "sipAddress,registrarPool,enterpriseVoiceEnabled,lineUri," \
                       "onPremLineUri,hostedVoiceMail,voiceRoutingPolicy," \
                       "teamsUpgradeEffectiveMode"

void     pv_service_client_list_users_async        (PvServiceClient     *self,
                                                    GListStore          *store,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean pv_service_client_list_users_finish       (PvServiceClient     *self,
                                                    GAsyncResult        *result,
                                                    gint64              *total_count,
                                                    GError             **error);
void     pv_service_client_list_voice_users_async  (PvServiceClient     *self,
                                                    PvJsonParseFunc      parse,
                                                    GListStore          *store,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean pv_service_client_list_voice_users_finish (PvServiceClient     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void     pv_service_client_list_pools_async        (PvServiceClient     *self,
                                                    GListStore          *store,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean pv_service_client_list_pools_finish       (PvServiceClient     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void     pv_service_client_list_sip_domains_async  (PvServiceClient     *self,
                                                    GListStore          *store,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean pv_service_client_list_sip_domains_finish (PvServiceClient     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
