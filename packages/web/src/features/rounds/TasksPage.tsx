import { Link } from 'react-router';
import { api, send } from '../../api/client';
import type { MyTasks } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { formatDate } from '../../lib/date-format';
import { partPath } from '../../ui/paths';
import { ResourceView } from '../../ui/status';
import { NoGrantNotice } from './NoGrantNotice';
import { PartWorkbook } from './PartWorkbook';
import './rounds.css';

type Task = MyTasks['tasks'][number];

function TaskList({ tasks, label, reload }: { tasks: Task[]; label: string; reload: () => void }) {
  const { t, lang } = useI18n();
  return (
    <section aria-label={label} className="round-section">
      <h2>{label}</h2>
      {tasks.length === 0 ? (
        <p>{t('round.tasks.none')}</p>
      ) : (
        <ul className="round-tasks">
          {tasks.map((task) => (
            <li key={task.id} data-task-state={task.state}>
              <Link to={partPath(task.plan.slug, task.round.id, task.id)}>{task.measure.title}</Link>{' '}
              <span>
                【{task.ministry}】 {task.round.title} · {t(`round.partState.${task.state}`)}
              </span>
              {task.round.deadline && (
                <span> · {t('round.deadline', { date: formatDate(task.round.deadline, lang) })}</span>
              )}
              {task.handedOverFrom !== null && (
                <span className="round-tasks__handover" data-handover="true">
                  {' '}
                  · {t('round.tasks.handedOver', { name: task.handedOverFrom })}
                </span>
              )}
              <PartWorkbook
                address={{ slug: task.plan.slug, roundId: task.round.id, partId: task.id }}
                mayUpload={['not_started', 'draft', 'returned'].includes(task.state)}
                onUploaded={reload}
              />
              {task.returnReason && (
                <p className="round-tasks__reason">
                  {t('round.tasks.reason', { reason: task.returnReason })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /tasks: the caller's open parts: overdue, returned (with the reason) and due. */
export default function TasksPage() {
  const { t } = useI18n();
  useDocumentTitle(t('round.tasks.title'));
  const { resource, reload } = useApi('me:tasks', (signal) => send(api.GET('/api/me/tasks', { signal })));
  return (
    <div className="rounds">
      <h1>{t('round.tasks.title')}</h1>
      <NoGrantNotice />
      <ResourceView
        resource={resource}
        reload={reload}
        notFound={{
          when: (error) => error.status === 401,
          view: (
            <p>
              <Link to="/signin">{t('round.tasks.signIn')}</Link>
            </p>
          ),
        }}
      >
        {({ tasks }) => (
          <>
            <TaskList
              label={t('round.tasks.overdue')}
              tasks={tasks.filter((task) => task.isOverdue)}
              reload={reload}
            />
            <TaskList
              label={t('round.tasks.returned')}
              tasks={tasks.filter((task) => !task.isOverdue && task.state === 'returned')}
              reload={reload}
            />
            <TaskList
              label={t('round.tasks.due')}
              tasks={tasks.filter((task) => !task.isOverdue && task.state !== 'returned')}
              reload={reload}
            />
          </>
        )}
      </ResourceView>
    </div>
  );
}
