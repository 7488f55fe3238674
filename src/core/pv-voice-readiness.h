/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pv-enums.h"
#include "pv-user.h"

G_BEGIN_DECLS

/**
 * PvVoiceNeeds:
 * @PV_VOICE_READY: nothing is missing
 * @PV_VOICE_NEEDS_USAGE_LOCATION: no usage location, which a licence and a
 *   phone number need
 * @PV_VOICE_NEEDS_PHONE_SYSTEM: no licence carries the Phone System
 *   service plan
 * @PV_VOICE_NEEDS_TEAMS_ONLY: the coexistence mode is not TeamsOnly, which
 *   Operator Connect and Calling Plan numbers need
 *
 * What a person lacks to be given a phone number of a kind.
 */
typedef enum
{
  PV_VOICE_READY                = 0,
  PV_VOICE_NEEDS_USAGE_LOCATION = 1 << 0,
  PV_VOICE_NEEDS_PHONE_SYSTEM   = 1 << 1,
  PV_VOICE_NEEDS_TEAMS_ONLY     = 1 << 2,
} PvVoiceNeeds;

PvVoiceNeeds pv_voice_readiness_check       (PvUser       *person,
                                             PvNumberType  number_type);
char        *pv_voice_readiness_dup_reason  (PvUser       *person,
                                             PvNumberType  number_type);
char        *pv_voice_readiness_dup_summary (PvUser       *person,
                                             PvNumberType  number_type);
char        *pv_voice_readiness_dup_facts   (PvUser       *person);

G_END_DECLS
