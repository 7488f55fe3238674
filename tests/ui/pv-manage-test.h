/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-service-test.h"

G_BEGIN_DECLS

/* A fresh sandbox tenant from the seed, and a client for it, for the
 * tests of the manage views. */
typedef PvServiceFixture PvManageFixture;

void              pv_manage_fixture_set_up     (PvManageFixture *fixture,
                                                gconstpointer    data);
void              pv_manage_fixture_tear_down  (PvManageFixture *fixture,
                                                gconstpointer    data);
AdwMessageDialog *pv_manage_wait_message       (void);
void              pv_manage_respond            (AdwMessageDialog *dialog,
                                                const char       *response);
GListStore       *pv_manage_list_numbers       (PvServiceClient  *client,
                                                const char       *operator_id,
                                                const char       *country);

G_END_DECLS
