/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_VOICE_ROUTING_POLICY (pv_voice_routing_policy_get_type ())

G_DECLARE_FINAL_TYPE (PvVoiceRoutingPolicy, pv_voice_routing_policy, PV, VOICE_ROUTING_POLICY, GObject)

PvVoiceRoutingPolicy *pv_voice_routing_policy_new             (void);
PvVoiceRoutingPolicy *pv_voice_routing_policy_new_from_json   (JsonNode    *node,
                                                               const char  *path,
                                                               GError     **error);
JsonNode             *pv_voice_routing_policy_to_json         (PvVoiceRoutingPolicy *self);
const char           *pv_voice_routing_policy_get_identity    (PvVoiceRoutingPolicy *self);
void                  pv_voice_routing_policy_set_identity    (PvVoiceRoutingPolicy *self,
                                                               const char           *identity);
const char           *pv_voice_routing_policy_get_description (PvVoiceRoutingPolicy *self);
void                  pv_voice_routing_policy_set_description (PvVoiceRoutingPolicy *self,
                                                               const char           *description);
const char * const   *pv_voice_routing_policy_get_pstn_usages (PvVoiceRoutingPolicy *self);
void                  pv_voice_routing_policy_set_pstn_usages (PvVoiceRoutingPolicy *self,
                                                               const char * const   *pstn_usages);

G_END_DECLS
