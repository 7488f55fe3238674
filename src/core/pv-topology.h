/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PV_TOPOLOGY_NAMESPACE "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
#define PV_TOPOLOGY_ROLES_NAMESPACE "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008"

/* Large deployments export a few megabytes. */
#define PV_TOPOLOGY_MAX_SIZE ((gsize) 64 * 1024 * 1024)

#define PV_TOPOLOGY_ERROR (pv_topology_error_quark ())

typedef enum
{
  PV_TOPOLOGY_ERROR_NO_REGISTRAR,
  PV_TOPOLOGY_ERROR_INVALID,
} PvTopologyError;

GQuark pv_topology_error_quark (void);

#define PV_TYPE_TOPOLOGY (pv_topology_get_type ())

G_DECLARE_FINAL_TYPE (PvTopology, pv_topology, PV, TOPOLOGY, GObject)

PvTopology *pv_topology_new_from_bytes  (GBytes               *data,
                                         const char           *name,
                                         GError              **error);
PvTopology *pv_topology_load            (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        pv_topology_load_async      (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
PvTopology *pv_topology_load_finish     (GAsyncResult         *result,
                                         GError              **error);
GListModel *pv_topology_get_pools       (PvTopology           *self);
GListModel *pv_topology_get_sip_domains (PvTopology           *self);

G_END_DECLS
