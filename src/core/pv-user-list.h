/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-enums.h"
#include "pv-user.h"

G_BEGIN_DECLS

#define PV_TYPE_USER_LIST (pv_user_list_get_type ())

G_DECLARE_FINAL_TYPE (PvUserList, pv_user_list, PV, USER_LIST, GObject)

const char * const *pv_user_list_get_columns          (void);
const char * const *pv_user_list_required_for_format  (PvSipFormat          format);
PvUserList         *pv_user_list_new_from_bytes       (GBytes              *data,
                                                       const char          *name,
                                                       const char * const  *required,
                                                       GError             **error);
PvUserList         *pv_user_list_load                 (GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
void                pv_user_list_load_async           (GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
PvUserList         *pv_user_list_load_finish          (GAsyncResult        *result,
                                                       GError             **error);
const char         *pv_user_list_get_name             (PvUserList          *self);
GListModel         *pv_user_list_get_users            (PvUserList          *self);
guint               pv_user_list_get_line             (PvUserList          *self,
                                                       guint                position);
GListModel         *pv_user_list_match                (PvUserList          *self,
                                                       GListModel          *directory,
                                                       GPtrArray          **unmatched);

G_END_DECLS
