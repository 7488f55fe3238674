/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-phone-number.h"
#include "pv-service-client.h"
#include "pv-user.h"

G_BEGIN_DECLS

/* Seed people (data/sandbox/seed-tenant.json) whom a Direct Routing
 * deployment can be given, for the tests of the guided moves. */
#define PV_MOVE_TEST_JEROME   "adb645d0-47d8-559d-ac20-0e95d64d17a7"   /* TeamsOnly, online */
#define PV_MOVE_TEST_THOMAS_G "1fdda0ac-e452-5253-8db8-91016b18c4b3"   /* TeamsOnly, pool02 */

void pv_move_test_post                      (PvServiceClient *client,
                                             const char      *path,
                                             const char      *json);
void pv_move_test_prepare_direct_routing    (PvServiceClient *client);
PvPhoneNumber *pv_move_test_get_number      (PvServiceClient *client,
                                             const char      *number);
PvUser        *pv_move_test_get_user        (PvServiceClient *client,
                                             const char      *id);

G_END_DECLS
