/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-pool.h"
#include "pv-sip-domain.h"
#include "pv-topology.h"
#include "pv-xml.h"

/* The Registrar pools and SIP domains of a deployment, from the XML that
 * Get-CsTopology -AsXml writes (see REFERENCE.md).  Only what the enable
 * flow needs is read; everything else in the file is ignored, so that
 * topologies of later server versions, which add elements, still load.
 *
 * A cluster is a Registrar pool when a Service whose ServiceId has
 * RoleName="Registrar" is InstalledOn its ClusterId (SiteId + Number).
 * RegistrarService/@IsDirector="true" makes it a Director, listed but
 * never a target.  A Standard Edition server is a cluster of one machine
 * whose FQDN is the cluster's: an Enterprise pool's FQDN is a DNS name of
 * its own, never one of its Front End servers. */

#define NS PV_TOPOLOGY_NAMESPACE

G_DEFINE_QUARK (pv-topology-error-quark, pv_topology_error)

struct _PvTopology
{
  GObject parent_instance;

  GListStore *pools;
  GListStore *sip_domains;
};

G_DEFINE_FINAL_TYPE (PvTopology, pv_topology, G_TYPE_OBJECT)

static void
pv_topology_finalize (GObject *object)
{
  PvTopology *self = (PvTopology *) object;

  g_clear_object (&self->pools);
  g_clear_object (&self->sip_domains);

  G_OBJECT_CLASS (pv_topology_parent_class)->finalize (object);
}

static void
pv_topology_class_init (PvTopologyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_topology_finalize;
}

static void
pv_topology_init (PvTopology *self)
{
  self->pools = g_list_store_new (PV_TYPE_POOL);
  self->sip_domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
}

static void
set_invalid (GError     **error,
             const char  *name,
             xmlNode     *node,
             const char  *what)
{
  g_set_error (error, PV_TOPOLOGY_ERROR, PV_TOPOLOGY_ERROR_INVALID,
               /* Translators: %s is a file name, %ld a line number, the last %s what is wrong. */
               _("%s, line %ld: %s"), name, xmlGetLineNo (node), what);
}

/* “SiteId:Number”, the key of a cluster; NULL when either is missing. */
static char *
cluster_key (xmlNode *cluster_id)
{
  g_autofree char *site = pv_xml_dup_attribute (cluster_id, "SiteId");
  g_autofree char *number = pv_xml_dup_attribute (cluster_id, "Number");

  if (site == NULL || number == NULL || *site == '\0' || *number == '\0')
    return NULL;
  return g_strdup_printf ("%s:%s", site, number);
}

static void
read_sites (xmlNode    *root,
            GHashTable *sites)
{
  xmlNode *list = pv_xml_first_child (root, NS, "Sites");

  for (xmlNode *site = pv_xml_first_child (list, NS, NULL); site != NULL;
       site = pv_xml_next_sibling (site->next, NS, NULL))
    {
      g_autofree char *id = pv_xml_dup_attribute (site, "SiteId");
      xmlNode *name = pv_xml_first_child (site, NS, "Name");

      if (id != NULL && name != NULL)
        g_hash_table_replace (sites, g_steal_pointer (&id), pv_xml_dup_text (name));
    }
}

static gboolean
read_domains (PvTopology  *self,
              xmlNode     *root,
              const char  *name,
              GError     **error)
{
  xmlNode *list = pv_xml_first_child (root, NS, "InternalDomains");
  g_autofree char *default_domain = list != NULL ? pv_xml_dup_attribute (list, "DefaultDomain")
                                                 : NULL;

  for (xmlNode *d = pv_xml_first_child (list, NS, "InternalDomain"); d != NULL;
       d = pv_xml_next_sibling (d->next, NS, "InternalDomain"))
    {
      g_autoptr(PvSipDomain) domain = pv_sip_domain_new ();
      g_autofree char *domain_name = pv_xml_dup_attribute (d, "Name");

      if (domain_name == NULL || *domain_name == '\0')
        {
          set_invalid (error, name, d, _("a SIP domain (InternalDomain) has no Name."));
          return FALSE;
        }
      pv_sip_domain_set_name (domain, domain_name);
      pv_sip_domain_set_is_default (domain,
                                    g_ascii_strcasecmp (domain_name,
                                                        default_domain != NULL
                                                        ? default_domain : "") == 0);
      g_list_store_append (self->sip_domains, domain);
    }
  return TRUE;
}

typedef struct
{
  xmlNode *node;
  gboolean registrar;
  gboolean director;
} Cluster;

static gboolean
read_registrars (xmlNode     *root,
                 const char  *name,
                 GHashTable  *clusters,
                 GError     **error)
{
  xmlNode *services = pv_xml_first_child (root, NS, "Services");

  for (xmlNode *service = pv_xml_first_child (services, NS, "Service"); service != NULL;
       service = pv_xml_next_sibling (service->next, NS, "Service"))
    {
      xmlNode *service_id = pv_xml_first_child (service, NS, "ServiceId");
      xmlNode *installed_on = pv_xml_first_child (service, NS, "InstalledOn");
      xmlNode *cluster_id = pv_xml_first_child (installed_on, NS, "ClusterId");
      xmlNode *registrar = pv_xml_first_child (service, PV_TOPOLOGY_ROLES_NAMESPACE,
                                               "RegistrarService");
      g_autofree char *role = service_id != NULL ? pv_xml_dup_attribute (service_id, "RoleName")
                                                 : NULL;
      g_autofree char *key = NULL;
      g_autofree char *is_director = NULL;
      Cluster *cluster;

      if (g_strcmp0 (role, "Registrar") != 0)
        continue;

      key = cluster_id != NULL ? cluster_key (cluster_id) : NULL;
      cluster = key != NULL ? g_hash_table_lookup (clusters, key) : NULL;
      if (cluster == NULL)
        {
          g_autofree char *what =
            /* Translators: %s is a cluster key such as 1:3 (site and number). */
            g_strdup_printf (_("a Registrar service is installed on the cluster “%s”, which "
                               "the topology does not list."), key != NULL ? key : "");
          set_invalid (error, name, service, what);
          return FALSE;
        }

      cluster->registrar = TRUE;
      is_director = registrar != NULL ? pv_xml_dup_attribute (registrar, "IsDirector") : NULL;
      cluster->director = g_strcmp0 (is_director, "true") == 0;
    }
  return TRUE;
}

static gboolean
read_pools (PvTopology  *self,
            xmlNode     *root,
            const char  *name,
            GError     **error)
{
  g_autoptr(GHashTable) sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) clusters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  xmlNode *list = pv_xml_first_child (root, NS, "Clusters");

  if (list == NULL)
    {
      set_invalid (error, name, root,
                   _("the topology has no Clusters element; export it again with "
                     "Get-CsTopology -AsXml."));
      return FALSE;
    }

  read_sites (root, sites);

  for (xmlNode *c = pv_xml_first_child (list, NS, "Cluster"); c != NULL;
       c = pv_xml_next_sibling (c->next, NS, "Cluster"))
    {
      xmlNode *cluster_id = pv_xml_first_child (c, NS, "ClusterId");
      g_autofree char *key = cluster_id != NULL ? cluster_key (cluster_id) : NULL;
      Cluster *cluster;

      if (key == NULL)
        {
          set_invalid (error, name, c,
                       _("a cluster has no ClusterId with a SiteId and a Number."));
          return FALSE;
        }
      if (g_hash_table_contains (clusters, key))
        {
          g_autofree char *what =
            /* Translators: %s is a cluster key such as 1:3 (site and number). */
            g_strdup_printf (_("the cluster “%s” is listed twice."), key);
          set_invalid (error, name, c, what);
          return FALSE;
        }
      cluster = g_new0 (Cluster, 1);
      cluster->node = c;
      g_ptr_array_add (order, cluster);
      g_hash_table_insert (clusters, g_steal_pointer (&key), cluster);
    }

  if (!read_registrars (root, name, clusters, error))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (order, i);
      g_autoptr(PvPool) pool = NULL;
      g_autoptr(GPtrArray) machines = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *fqdn = NULL;
      g_autofree char *site_id = NULL;
      const char *site_name;
      PvPoolKind kind;

      if (!cluster->registrar)
        continue;

      fqdn = pv_xml_dup_attribute (cluster->node, "Fqdn");
      if (fqdn == NULL || *fqdn == '\0')
        {
          set_invalid (error, name, cluster->node,
                       _("a Registrar pool has no FQDN (Fqdn attribute of its Cluster)."));
          return FALSE;
        }

      for (xmlNode *m = pv_xml_first_child (cluster->node, NS, "Machine"); m != NULL;
           m = pv_xml_next_sibling (m->next, NS, "Machine"))
        {
          g_autofree char *machine = pv_xml_dup_attribute (m, "Fqdn");

          if (machine != NULL && *machine != '\0')
            g_ptr_array_add (machines, g_steal_pointer (&machine));
        }
      if (machines->len == 0)
        {
          g_autofree char *what =
            /* Translators: %s is the FQDN of a pool. */
            g_strdup_printf (_("the pool “%s” has no machine."), fqdn);
          set_invalid (error, name, cluster->node, what);
          return FALSE;
        }

      if (cluster->director)
        kind = PV_POOL_KIND_DIRECTOR;
      else if (machines->len == 1 &&
               g_ascii_strcasecmp (g_ptr_array_index (machines, 0), fqdn) == 0)
        kind = PV_POOL_KIND_STANDARD_EDITION;
      else
        kind = PV_POOL_KIND_ENTERPRISE;

      site_id = pv_xml_dup_attribute (pv_xml_first_child (cluster->node, NS, "ClusterId"),
                                      "SiteId");
      site_name = g_hash_table_lookup (sites, site_id);
      g_ptr_array_add (machines, NULL);

      pool = pv_pool_new ();
      pv_pool_set_fqdn (pool, fqdn);
      pv_pool_set_kind (pool, kind);
      pv_pool_set_site (pool, site_name != NULL ? site_name : site_id);
      pv_pool_set_machines (pool, (const char * const *) machines->pdata);
      g_list_store_append (self->pools, pool);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->pools)) == 0)
    {
      g_set_error (error, PV_TOPOLOGY_ERROR, PV_TOPOLOGY_ERROR_NO_REGISTRAR,
                   /* Translators: %s is a file name. */
                   _("%s lists no Registrar pool: no Standard Edition server, Enterprise pool "
                     "or Director. Check that it is the topology of the deployment where the "
                     "users are enabled."), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * pv_topology_new_from_bytes:
 * @data: the output of Get-CsTopology -AsXml
 * @name: the file name, for error messages
 *
 * Returns: (transfer full): the topology, or %NULL with a #PV_XML_ERROR
 *   (hostile or broken file) or a #PV_TOPOLOGY_ERROR (no pool, missing
 *   element)
 */
PvTopology *
pv_topology_new_from_bytes (GBytes      *data,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(PvTopology) self = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  doc = pv_xml_read (data, name, PV_TOPOLOGY_MAX_SIZE, NS, "Topology", error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (PV_TYPE_TOPOLOGY, NULL);
  root = xmlDocGetRootElement (doc);
  if (!read_domains (self, root, name, error) || !read_pools (self, root, name, error))
    return NULL;

  return g_steal_pointer (&self);
}

PvTopology *
pv_topology_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  data = pv_xml_load_file (file, PV_TOPOLOGY_MAX_SIZE, cancellable, error);
  if (data == NULL)
    return NULL;
  name = g_file_get_parse_name (file);
  return pv_topology_new_from_bytes (data, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PvTopology *topology = pv_topology_load (task_data, cancellable, &error);

  if (topology == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, topology, g_object_unref);
}

/**
 * pv_topology_load_async:
 *
 * Reads and parses @file in a worker thread.
 */
void
pv_topology_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_topology_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

PvTopology *
pv_topology_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pv_topology_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pv_topology_get_pools:
 *
 * Returns: (transfer none): the Registrar pools, #PvPool, in the order of
 *   the file; Directors included (pv_pool_is_target() says no)
 */
GListModel *
pv_topology_get_pools (PvTopology *self)
{
  g_return_val_if_fail (PV_IS_TOPOLOGY (self), NULL);
  return G_LIST_MODEL (self->pools);
}

/**
 * pv_topology_get_sip_domains:
 *
 * Returns: (transfer none): the SIP domains, #PvSipDomain
 */
GListModel *
pv_topology_get_sip_domains (PvTopology *self)
{
  g_return_val_if_fail (PV_IS_TOPOLOGY (self), NULL);
  return G_LIST_MODEL (self->sip_domains);
}
