/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-emergency-address.h"
#include "pv-operator.h"
#include "pv-phone-number.h"
#include "pv-service-client.h"
#include "pv-user.h"

G_BEGIN_DECLS

#define PV_NUMBERS_MODEL_ERROR (pv_numbers_model_error_quark ())

/**
 * PvNumbersModelError:
 * @PV_NUMBERS_MODEL_ERROR_REFUSED: the action was not asked of the service,
 *   because it would refuse it (the message says what is missing)
 * @PV_NUMBERS_MODEL_ERROR_BUSY: another action is under way
 * @PV_NUMBERS_MODEL_ERROR_NOT_FOUND: the number is not in the list
 */
typedef enum
{
  PV_NUMBERS_MODEL_ERROR_REFUSED,
  PV_NUMBERS_MODEL_ERROR_BUSY,
  PV_NUMBERS_MODEL_ERROR_NOT_FOUND,
} PvNumbersModelError;

/* What the Status filter offers, in the order of its list. */
typedef enum
{
  PV_NUMBERS_SHOW_ANY,
  PV_NUMBERS_SHOW_ASSIGNED,
  PV_NUMBERS_SHOW_NOT_ASSIGNED,
  PV_NUMBERS_SHOW_UNASSIGNED,
  PV_NUMBERS_SHOW_PENDING,
} PvNumbersShow;

/* How the set of numbers the filters let through changed, in the values
 * of GtkFilterChange, which a view hands on to its filter. */
typedef enum
{
  PV_NUMBERS_CHANGE_DIFFERENT,
  PV_NUMBERS_CHANGE_LESS_STRICT,
  PV_NUMBERS_CHANGE_MORE_STRICT,
} PvNumbersChange;

#define PV_TYPE_NUMBERS_MODEL (pv_numbers_model_get_type ())

G_DECLARE_FINAL_TYPE (PvNumbersModel, pv_numbers_model, PV, NUMBERS_MODEL, GObject)

GQuark              pv_numbers_model_error_quark         (void);

PvNumbersModel     *pv_numbers_model_new                 (void);
void                pv_numbers_model_set_client          (PvNumbersModel      *self,
                                                          PvServiceClient     *client);
PvServiceClient    *pv_numbers_model_get_client          (PvNumbersModel      *self);
gboolean            pv_numbers_model_get_loading         (PvNumbersModel      *self);
gboolean            pv_numbers_model_get_busy            (PvNumbersModel      *self);
const char         *pv_numbers_model_get_activity        (PvNumbersModel      *self);

GListModel         *pv_numbers_model_get_numbers         (PvNumbersModel      *self);
GListModel         *pv_numbers_model_get_operators       (PvNumbersModel      *self);
GListModel         *pv_numbers_model_get_people          (PvNumbersModel      *self);
GListModel         *pv_numbers_model_get_addresses       (PvNumbersModel      *self);
void                pv_numbers_model_add_address         (PvNumbersModel      *self,
                                                          PvEmergencyAddress  *address);

PvPhoneNumber      *pv_numbers_model_lookup              (PvNumbersModel      *self,
                                                          const char          *telephone_number);
PvUser             *pv_numbers_model_get_person_of       (PvNumbersModel      *self,
                                                          PvPhoneNumber       *number);
PvOperator         *pv_numbers_model_get_operator_of     (PvNumbersModel      *self,
                                                          PvPhoneNumber       *number);
PvEmergencyAddress *pv_numbers_model_get_address_of      (PvNumbersModel      *self,
                                                          PvPhoneNumber       *number);
const char         *pv_numbers_model_get_operator_name   (PvNumbersModel      *self,
                                                          const char          *operator_id);
GPtrArray          *pv_numbers_model_get_operator_choices (PvNumbersModel     *self);
GPtrArray          *pv_numbers_model_get_country_choices (PvNumbersModel      *self);

void                pv_numbers_model_set_filters         (PvNumbersModel      *self,
                                                          int                  number_type,
                                                          const char          *operator_id,
                                                          const char          *country_code,
                                                          PvNumbersShow        show);
int                 pv_numbers_model_get_type_filter     (PvNumbersModel      *self);
const char         *pv_numbers_model_get_operator_filter (PvNumbersModel      *self);
const char         *pv_numbers_model_get_country_filter  (PvNumbersModel      *self);
PvNumbersShow       pv_numbers_model_get_show            (PvNumbersModel      *self);
void                pv_numbers_model_set_search          (PvNumbersModel      *self,
                                                          const char          *text);
gboolean            pv_numbers_model_matches             (PvNumbersModel      *self,
                                                          PvPhoneNumber       *number);

void                pv_numbers_model_select              (PvNumbersModel      *self,
                                                          const char          *telephone_number);
const char         *pv_numbers_model_get_selected_number (PvNumbersModel      *self);
PvPhoneNumber      *pv_numbers_model_get_selected        (PvNumbersModel      *self);

char               *pv_numbers_model_check_assignment    (PvNumbersModel      *self,
                                                          const char          *telephone_number,
                                                          PvUser              *person);
void                pv_numbers_model_assign_async        (PvNumbersModel      *self,
                                                          const char          *telephone_number,
                                                          PvUser              *person,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
void                pv_numbers_model_unassign_async      (PvNumbersModel      *self,
                                                          const char          *telephone_number,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
void                pv_numbers_model_release_async       (PvNumbersModel      *self,
                                                          const char          *telephone_number,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
void                pv_numbers_model_set_address_async   (PvNumbersModel      *self,
                                                          const char          *telephone_number,
                                                          const char          *address_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char               *pv_numbers_model_action_finish       (PvNumbersModel      *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

char               *pv_numbers_check_assignment          (PvPhoneNumber       *number,
                                                          PvUser              *person,
                                                          PvUser              *assigned_to);
const char         *pv_numbers_person_label              (PvUser              *person);
const char         *pv_numbers_country_name              (const char          *country_code);

G_END_DECLS
