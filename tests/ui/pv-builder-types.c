/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "enable/pv-enable-finish-page.h"
#include "enable/pv-enable-pool-page.h"
#include "enable/pv-enable-ready-page.h"
#include "enable/pv-enable-sign-in-page.h"
#include "enable/pv-enable-status-page.h"
#include "enable/pv-enable-users-page.h"
#include "enable/pv-enable-welcome-page.h"
#include "manage/pv-address-dialog.h"
#include "manage/pv-countries-dialog.h"
#include "manage/pv-numbers-view.h"
#include "manage/pv-operators-view.h"
#include "manage/pv-person-chooser.h"
#include "moves/pv-move-operator-page.h"
#include "moves/pv-move-people-page.h"
#include "moves/pv-move-person-row.h"
#include "moves/pv-move-review-page.h"
#include "moves/pv-move-run-page.h"
#include "moves/pv-move-run-row.h"
#include "moves/pv-move-text-row.h"
#include "moves/pv-move-warning-page.h"
#include "operator/pv-operator-catalogue-page.h"
#include "operator/pv-operator-contact-page.h"
#include "operator/pv-operator-countries-page.h"
#include "operator/pv-operator-notice-page.h"
#include "operator/pv-operator-result-page.h"
#include "operator/pv-operator-review-page.h"
#include "pv-assistant.h"
#include "pv-page.h"
#include "pv-preferences-window.h"
#include "pv-run-dialog.h"
#include "pv-run-row.h"
#include "pv-start-page.h"
#include "pv-window.h"

/* Preloaded into gtk4-builder-tool so that it knows the types our .ui
 * files use: the tool looks template parents up by name, and only types
 * already registered can be found that way. Registering a type runs no
 * class code, so this is safe before gtk_init(). */

static void register_types (void) __attribute__ ((constructor));

static void
register_types (void)
{
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (PV_TYPE_PAGE);
  g_type_ensure (PV_TYPE_ASSISTANT);
  g_type_ensure (PV_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (PV_TYPE_RUN_DIALOG);
  g_type_ensure (PV_TYPE_RUN_ROW);
  g_type_ensure (PV_TYPE_START_PAGE);
  g_type_ensure (PV_TYPE_WINDOW);
  g_type_ensure (PV_TYPE_ENABLE_FINISH_PAGE);
  g_type_ensure (PV_TYPE_ENABLE_POOL_PAGE);
  g_type_ensure (PV_TYPE_ENABLE_READY_PAGE);
  g_type_ensure (PV_TYPE_ENABLE_SIGN_IN_PAGE);
  g_type_ensure (PV_TYPE_ENABLE_STATUS_PAGE);
  g_type_ensure (PV_TYPE_ENABLE_USERS_PAGE);
  g_type_ensure (PV_TYPE_ENABLE_WELCOME_PAGE);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (PV_TYPE_ADDRESS_DIALOG);
  g_type_ensure (PV_TYPE_COUNTRIES_DIALOG);
  g_type_ensure (PV_TYPE_NUMBERS_VIEW);
  g_type_ensure (PV_TYPE_OPERATORS_VIEW);
  g_type_ensure (PV_TYPE_PERSON_CHOOSER);
  g_type_ensure (PV_TYPE_MOVE_OPERATOR_PAGE);
  g_type_ensure (PV_TYPE_MOVE_PEOPLE_PAGE);
  g_type_ensure (PV_TYPE_MOVE_PERSON_ROW);
  g_type_ensure (PV_TYPE_MOVE_REVIEW_PAGE);
  g_type_ensure (PV_TYPE_MOVE_RUN_PAGE);
  g_type_ensure (PV_TYPE_MOVE_RUN_ROW);
  g_type_ensure (PV_TYPE_MOVE_TEXT_ROW);
  g_type_ensure (PV_TYPE_MOVE_WARNING_PAGE);
  g_type_ensure (PV_TYPE_OPERATOR_CATALOGUE_PAGE);
  g_type_ensure (PV_TYPE_OPERATOR_CONTACT_PAGE);
  g_type_ensure (PV_TYPE_OPERATOR_COUNTRIES_PAGE);
  g_type_ensure (PV_TYPE_OPERATOR_NOTICE_PAGE);
  g_type_ensure (PV_TYPE_OPERATOR_RESULT_PAGE);
  g_type_ensure (PV_TYPE_OPERATOR_REVIEW_PAGE);
}
