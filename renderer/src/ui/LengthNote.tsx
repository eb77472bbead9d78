import { useTranslation } from 'react-i18next';
import { counterShown } from './limits';

/**
 * The counter and error of a box that is not a TextField (a grid cell): shown near the limit,
 * red past it with the reason; the text itself stays as typed.
 */
export function LengthNote({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  if (!counterShown(length, max)) return null;
  const over = length > max;
  return (
    <div className="field-hint">
      <span className={over ? 'char-counter over' : 'char-counter'} data-testid="char-counter">
        {t('limits.counter', { length, max })}
      </span>
      {over && (
        <span className="field-error" role="alert">
          {' '}
          {t('validation.tooLong', { max })}
        </span>
      )}
    </div>
  );
}
